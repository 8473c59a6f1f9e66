import { describe, expect, it } from 'vitest';
import { permissionRequest } from './permission-request';

describe('permissionRequest', () => {
  it.each([
    ['send', { username: 'maya.trails' }, { creator_instagram_username: 'maya.trails' }],
    ['send', { username: 'maya.trails', creatorId: '17841460000099999' }, { creator_instagram_account: '17841460000099999' }],
    [
      'revoke',
      { username: 'maya.trails', creatorId: '17841460000099999' },
      { creator_instagram_account: '17841460000099999', revoke: 'true' },
    ],
    ['revoke', { creatorId: '17841400000000099' }, { creator_instagram_account: '17841400000000099', revoke: 'true' }],
    ['revoke', { username: 'leo_eats' }, { creator_instagram_username: 'leo_eats', revoke: 'true' }],
  ] as const)('%s to %j posts %j', (kind, creator, body) => {
    expect(permissionRequest(kind, '17841400000000001', creator)).toEqual({
      method: 'POST',
      relativeUrl: '17841400000000001/branded_content_ad_permissions',
      body,
    });
  });
});
