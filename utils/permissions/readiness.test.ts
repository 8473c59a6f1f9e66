import { describe, expect, it } from 'vitest';
import { LOGIN_SCOPES } from '../auth/login-flow';
import { PARTNERSHIP_PERMISSIONS, partnershipReadiness } from './readiness';
import { FEATURE_NEEDS, summarizeTokenPermissions } from './token-permissions';
import { inEnglish } from '../i18n/in-english';

const ALL_GRANTED = summarizeTokenPermissions(
  ['pages_show_list', 'instagram_basic', 'business_management', 'instagram_branded_content_ads_brand'].map((permission) => ({
    permission,
    status: 'granted',
  })),
);

describe('partnershipReadiness', () => {
  it.each([
    [['ADVERTISE'], true],
    [['MANAGE'], true],
    [['ADVERTISE', 'ANALYZE'], true],
    [['ANALYZE'], false],
    [['CREATE_CONTENT', 'MODERATE'], false],
  ])('with all permissions granted, tasks %j -> ready %s', (tasks, ready) => {
    expect(partnershipReadiness({ tasks, newPageExperience: true }, ALL_GRANTED).ready).toBe(ready);
  });

  it('names a declined permission and offers to ask Facebook again', () => {
    const permissions = summarizeTokenPermissions([
      { permission: 'instagram_basic', status: 'granted' },
      { permission: 'business_management', status: 'declined' },
      { permission: 'instagram_branded_content_ads_brand', status: 'granted' },
    ]);
    const readiness = partnershipReadiness({ tasks: ['MANAGE'], newPageExperience: false }, permissions);
    expect({
      ...readiness,
      problems: readiness.problems.map((problem) => ({ ...problem, message: inEnglish.say(problem.message) })),
    }).toEqual({
      ready: false,
      problems: [
        {
          kind: 'permission-declined',
          permission: 'business_management',
          fix: 'rerequest',
          message: 'You declined business_management when connecting. Ask Facebook again and allow it.',
        },
      ],
    });
  });

  it('names a permission that was never asked for', () => {
    const permissions = summarizeTokenPermissions([
      { permission: 'instagram_basic', status: 'granted' },
      { permission: 'business_management', status: 'granted' },
    ]);
    const { problems } = partnershipReadiness({ tasks: ['ADVERTISE'], newPageExperience: true }, permissions);
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'permission-not-granted', permission: 'instagram_branded_content_ads_brand', fix: 'reconnect' }),
    ]);
  });

  it('says which role to ask the admin for, in the words of the Page', () => {
    expect(inEnglish.say(partnershipReadiness({ tasks: ['ANALYZE'], newPageExperience: false }, ALL_GRANTED).problems[0]?.message)).toBe(
      'Your access to this Page (Analyst) cannot manage partnership ads. Ask a Page admin for the Advertiser role (or a higher one).',
    );
    expect(inEnglish.say(partnershipReadiness({ tasks: ['ANALYZE'], newPageExperience: true }, ALL_GRANTED).problems[0]?.message)).toBe(
      'Your access to this Page (Task access: Insights) cannot manage partnership ads. Ask a Page admin for Task access for Ads (or Facebook access).',
    );
  });
});

describe('summarizeTokenPermissions', () => {
  it('lists every permission Collab Desk uses as granted, declined or never asked, with the features that need it', () => {
    const summary = summarizeTokenPermissions([
      { permission: 'instagram_basic', status: 'granted' },
      { permission: 'business_management', status: 'DECLINED' },
      { permission: 'email', status: 'granted' },
    ]);
    expect(summary.map((entry) => ({ ...entry, neededFor: entry.neededFor.map(inEnglish.say) }))).toEqual([
      { permission: 'pages_show_list', status: 'not-asked', neededFor: ['List your Pages and roles'] },
      {
        permission: 'instagram_basic',
        status: 'granted',
        neededFor: ['Show linked Instagram accounts', 'Partnership-ad permissions', 'Partnership content'],
      },
      {
        permission: 'instagram_branded_content_ads_brand',
        status: 'not-asked',
        neededFor: ['Partnership-ad permissions', 'Partnership content'],
      },
      { permission: 'business_management', status: 'declined', neededFor: ['Partnership-ad permissions', 'Partnership content'] },
    ]);
  });
});

describe('partnership content permissions', () => {
  it("are asked for at login and checked by a brand's readiness, so a missing one shows with its fix", () => {
    for (const permission of FEATURE_NEEDS.featurePartnershipContent) {
      expect(LOGIN_SCOPES).toContain(permission);
      expect(PARTNERSHIP_PERMISSIONS).toContain(permission);
    }
    const withoutBusiness = summarizeTokenPermissions(
      ['pages_show_list', 'instagram_basic', 'instagram_branded_content_ads_brand'].map((permission) => ({
        permission,
        status: 'granted',
      })),
    );
    expect(partnershipReadiness({ tasks: ['ADVERTISE'], newPageExperience: true }, withoutBusiness).problems).toEqual([
      expect.objectContaining({ permission: 'business_management', fix: 'reconnect' }),
    ]);
  });
});
