/**
 * Parses a Graph API answer without losing digits: Instagram IDs are 17-digit numbers, above
 * 2^53, and a plain JSON.parse changes the last digits of one sent as a JSON number. Integers
 * a double holds exactly stay numbers; a longer one is kept as its digits (a string), which is
 * what every ID field reads. Text that is not JSON gives undefined (`true` stays true).
 *
 * The browser's own JSON.parse does the parsing (fast on 10,000-record lists); only when the
 * text has a run of 16 or more digits is it first scanned, outside strings, to quote the
 * integers that a double would round.
 */
export function parseGraphJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(LONG_DIGITS.test(text) ? quoteUnsafeIntegers(text) : text);
  } catch {
    return undefined;
  }
}

const LONG_DIGITS = /\d{16}/;
/** A string literal (skipped as it is) or a JSON number outside any string. */
const STRING_OR_NUMBER = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** The same JSON text with every integer beyond Number.MAX_SAFE_INTEGER written as a string. */
export function quoteUnsafeIntegers(text: string): string {
  return text.replace(STRING_OR_NUMBER, (token) =>
    token.startsWith('"') || !/^-?\d+$/.test(token) || Number.isSafeInteger(Number(token)) ? token : `"${token}"`,
  );
}
