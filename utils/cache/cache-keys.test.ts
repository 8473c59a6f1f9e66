import { describe, expect, it } from 'vitest';
import { cacheKeyText, readCacheKey, type CacheKey } from './cache-keys';

describe('cache keys', () => {
  it.each<CacheKey>([
    { area: 'access', userId: '10158' },
    { area: 'partnerships', userId: '10158', brandIgId: '17841400000000001' },
    { area: 'creator', userId: '10158', brandIgId: '17841400000000001', username: 'maya.trails' },
    { area: 'creator', userId: 'a:b', brandIgId: '1', username: 'x"y' },
    { area: 'content', userId: '10158', brandIgId: '17841400000000001', query: '[["sort","DATE"]]|' },
    { area: 'content-business', userId: '10158', brandIgId: '17841400000000001' },
  ])('reads back what it wrote: %j', (key) => {
    expect(readCacheKey(cacheKeyText(key))).toEqual(key);
  });

  it('keeps every key distinct', () => {
    const texts = [
      cacheKeyText({ area: 'partnerships', userId: '1', brandIgId: '2' }),
      cacheKeyText({ area: 'creator', userId: '1', brandIgId: '2', username: '' }),
      cacheKeyText({ area: 'access', userId: '1' }),
    ];
    expect(new Set(texts).size).toBe(3);
  });

  it.each(['me', '1:partnerships:2', '["1","elsewhere"]', '[1,"access"]', '{"area":"access"}'])(
    'does not read text it did not write: %s',
    (text) => {
      expect(readCacheKey(text)).toBeUndefined();
    },
  );
});
