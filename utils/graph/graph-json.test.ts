import fc from 'fast-check';
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

describe('parseGraphJson beside JSON.parse', () => {
  it('leaves digits inside strings alone, escaped quotes and all', () => {
    const text = '{"caption":"call 12345678901234567 \\"now\\" 98765432109876543","id":12345678901234567,"n":-98765432109876543}';
    expect(parseGraphJson(text)).toEqual({
      caption: 'call 12345678901234567 "now" 98765432109876543',
      id: '12345678901234567',
      n: '-98765432109876543',
    });
  });

  it('keeps floats and safe integers as numbers next to long IDs', () => {
    expect(parseGraphJson('[9007199254740991,9007199254740992,1.5e3,12345678901234567.5,0]')).toEqual([
      9007199254740991,
      '9007199254740992',
      1500,
      Number('12345678901234567.5'),
      0,
    ]);
  });

  it('reads any JSON value as JSON.parse does when no integer is unsafe', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = JSON.stringify(value);
        fc.pre(!JSON.stringify(value, (_key, item: unknown) => (isUnsafeInteger(item) ? 'unsafe' : item)).includes('"unsafe"'));
        expect(parseGraphJson(text)).toEqual(JSON.parse(text));
      }),
    );
  });

  it('keeps every digit of any long integer, wherever it sits', () => {
    const longInteger = fc.bigInt({ min: 2n ** 53n, max: 10n ** 20n }).map(String);
    const text = fc.tuple(fc.array(fc.string(), { maxLength: 3 }), longInteger, fc.string());
    fc.assert(
      fc.property(text, ([before, digits, after]) => {
        const parsed = parseGraphJson(`{"before":${JSON.stringify(before)},"id":${digits},"after":${JSON.stringify(after)}}`);
        expect(parsed).toEqual({ before, id: digits, after });
      }),
    );
  });
});

function isUnsafeInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value);
}
