import { isSafeNumber, parse } from 'lossless-json';

/**
 * Parses a Graph API answer without losing digits: Instagram IDs are 17-digit numbers, above
 * 2^53, and a plain JSON.parse changes the last digits of one sent as a JSON number. Numbers
 * a double holds exactly stay numbers; any other is kept as its digits (a string), which is
 * what every ID field reads. Text that is not JSON gives undefined (`true` stays true).
 */
export function parseGraphJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return parse(text, null, (digits) => (isSafeNumber(digits) ? Number(digits) : digits));
  } catch {
    return undefined;
  }
}
