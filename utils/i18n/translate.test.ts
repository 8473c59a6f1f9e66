import { describe, expect, it } from 'vitest';
import { said, saidCount } from './said';
import { translatorFor } from './translate';

const messages = {
  greeting: { message: 'Hello {name}, {count} new' },
  sent_one: { message: '{count} request sent to {creator}' },
  sent_other: { message: '{count} requests sent to {creator}' },
  wait: { message: '{why} Trying again at {at}.' },
  why: { message: 'Meta is busy.' },
  areas: { message: 'Task access: {areas}' },
  cost: { message: 'This file is {size} MB.' },
};
const NOON = Date.UTC(2026, 10, 22, 12, 5, 9);

describe('translator', () => {
  const en = translatorFor(messages, 'en');
  const es = translatorFor(messages, 'es');
  const pt = translatorFor(messages, 'pt-BR');

  it('fills placeholders, numbers grouped the language way', () => {
    expect(en.t('greeting' as never, { name: 'Ana', count: 12000 })).toBe('Hello Ana, 12,000 new');
    expect(es.t('greeting' as never, { name: 'Ana', count: 12000 })).toBe('Hello Ana, 12.000 new');
    expect(pt.t('cost' as never, { size: 6.25 })).toBe('This file is 6,3 MB.');
  });

  it('picks the plural form with Intl.PluralRules, falling back to other', () => {
    expect(en.say(saidCount('sent' as never, 1, { creator: '@maya' }))).toBe('1 request sent to @maya');
    expect(en.say(saidCount('sent' as never, 1000, { creator: '@maya' }))).toBe('1,000 requests sent to @maya');
    // Portuguese says "one" for 0 as well; Spanish has a "many" form for a million, which falls back to other.
    expect(pt.plural('sent' as never, 0, { creator: '@x' })).toBe('0 request sent to @x');
    expect(es.plural('sent' as never, 1_000_000, { creator: '@x' })).toBe('1.000.000 requests sent to @x');
  });

  it('says nested words, clock times and lists', () => {
    const wait = said('wait' as never, { why: said('why' as never), at: { clock: NOON } });
    expect(translatorFor(messages, 'en-GB').say(wait)).toMatch(/^Meta is busy\. Trying again at \d\d:\d\d:\d\d\.$/);
    expect(en.say(said('areas' as never, { areas: { list: ['Ads', said('why' as never)] } }))).toBe('Task access: Ads, Meta is busy.');
  });

  it('says relative times in whole units', () => {
    expect(en.relative(NOON + 2 * 3_600_000, NOON)).toBe('in 2 hours');
    expect(es.relative(NOON - 5 * 60_000, NOON)).toBe('hace 5 minutos');
    expect(pt.relative(NOON + 86_400_000 * 3, NOON)).toBe('em 3 dias');
  });

  it('shows a stored plain sentence as it is, and the key itself when a message is missing', () => {
    expect(en.say('Paused by you.')).toBe('Paused by you.');
    expect(en.say(undefined)).toBe('');
    expect(en.say(said('nowhere' as never))).toBe('nowhere');
  });
});
