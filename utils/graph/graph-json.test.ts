import { describe, expect, it } from 'vitest';
import { parseGraphJson } from './graph-json';

describe('parseGraphJson', () => {
  it('keeps every digit of IDs above 2^53 sent as numbers', () => {
    const parsed = parseGraphJson('{"data":[{"id":17841460000099999,"creator_ig_id":17841400000000001,"count":3}]}') as {
      data: Array<Record<string, unknown>>;
    };
    expect(parsed.data[0]).toEqual({ id: '17841460000099999', creator_ig_id: '17841400000000001', count: 3 });
    // What a plain JSON.parse would have done:
    expect(String(JSON.parse('17841460000099999'))).toBe('17841460000100000');
  });

  it('reads ordinary answers like JSON.parse', () => {
    expect(parseGraphJson('{"a":[1,2.5,-3,"x",null,true],"b":{"c":"17841460000099999"}}')).toEqual({
      a: [1, 2.5, -3, 'x', null, true],
      b: { c: '17841460000099999' },
    });
    expect(parseGraphJson('true')).toBe(true);
  });

  it('gives undefined for text that is not JSON', () => {
    expect(parseGraphJson('')).toBeUndefined();
    expect(parseGraphJson('<html>Bad gateway</html>')).toBeUndefined();
  });
});
