import type english from '../../public/_locales/en/messages.json';

/** Every key of the English messages (the other locales are checked to have the same). */
type AllKeys = keyof typeof english;

/** A plural message is stored as `<key>_one`, `<key>_other` (and `_many` where a language has it). */
export type PluralKey = AllKeys extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;
export type MessageKey = Exclude<AllKeys, `${string}_one` | `${string}_other` | `${string}_many`>;

/**
 * A value to put into a message. Numbers are formatted for the reader's language; a time or
 * date is given as epoch milliseconds and formatted there too (time: hours and minutes, clock:
 * with seconds, for short waits); a list is joined with the language's separators (Intl.ListFormat); a nested Said is said first.
 */
export type SaidValue =
  string | number | { time: number } | { clock: number } | { date: number } | { relative: number } | { list: SaidValue[] } | Said;

/**
 * Words, as data: what the background and the stored records carry instead of sentences.
 * Pages turn them into words of the person's language (see translate.ts).
 */
export type Said =
  { key: MessageKey; values?: Record<string, SaidValue> } | { key: PluralKey; count: number; values?: Record<string, SaidValue> };

/** What a page can say: a Said, or a plain string shown as it is (a name, Meta's own words, or a sentence stored by an older version). */
export type Words = Said | string;

export function said(key: MessageKey, values?: Record<string, SaidValue>): Said {
  return values ? { key, values } : { key };
}

export function saidCount(key: PluralKey, count: number, values?: Record<string, SaidValue>): Said {
  return values ? { key, count, values } : { key, count };
}

export function isSaid(value: unknown): value is Said {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';
}
