import { describe, expect, it } from 'vitest';
import { advertiseAccessName, describeAccess } from './access-names';
import { inEnglish } from '../i18n/in-english';

describe('describeAccess on classic Pages (roles)', () => {
  it.each([
    [['MANAGE', 'CREATE_CONTENT', 'MODERATE', 'ADVERTISE', 'ANALYZE'], 'Admin'],
    [['CREATE_CONTENT', 'MODERATE', 'ADVERTISE', 'ANALYZE'], 'Editor'],
    [['MODERATE', 'ADVERTISE', 'ANALYZE'], 'Moderator'],
    [['ADVERTISE', 'ANALYZE'], 'Advertiser'],
    [['ANALYZE'], 'Analyst'],
    [[], 'No role'],
  ])('%j -> %s', (tasks, label) => {
    const access = describeAccess(tasks, false);
    expect({ ...access, label: inEnglish.say(access.label) }).toEqual({ scheme: 'role', label });
  });
});

describe('describeAccess on new-experience Pages (Facebook access / Task access)', () => {
  it.each([
    [['MANAGE', 'CREATE_CONTENT', 'MODERATE', 'ADVERTISE', 'ANALYZE'], 'Facebook access'],
    [['ADVERTISE'], 'Task access: Ads'],
    [['CREATE_CONTENT'], 'Task access: Content'],
    [['ANALYZE'], 'Task access: Insights'],
    [['MODERATE'], 'Task access: Messages & Community Activity'],
    [['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT'], 'Task access: Ads, Content, Insights, Messages & Community Activity'],
    [[], 'No access'],
  ])('%j -> %s', (tasks, label) => {
    const access = describeAccess(tasks, true);
    expect({ ...access, label: inEnglish.say(access.label) }).toEqual({ scheme: 'access', label });
  });
});

describe('advertiseAccessName', () => {
  it('names what to ask the admin for in the words of each Page experience', () => {
    expect(inEnglish.say(advertiseAccessName(false))).toBe('the Advertiser role (or a higher one)');
    expect(inEnglish.say(advertiseAccessName(true))).toBe('Task access for Ads (or Facebook access)');
  });
});
