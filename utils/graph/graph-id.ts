/**
 * A Graph ID as Meta sends it: digits (or word characters) as a string, or a JSON number. One
 * above 2^53 arrives already kept as its digits (utils/graph/graph-json.ts). Anything else is
 * no ID: undefined.
 */
export function readGraphId(value: unknown): string | undefined {
  if (typeof value === 'string') return /^\w{1,64}$/.test(value.trim()) ? value.trim() : undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'bigint' && value >= 0n) return value.toString();
  return undefined;
}
