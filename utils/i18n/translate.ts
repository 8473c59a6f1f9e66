import type { MessageKey, PluralKey, SaidValue, Words } from './said';
import { isSaid } from './said';

export interface TranslatorSource {
  /** The message for a key in the reader's language, or '' when there is none. */
  lookup(key: string): string;
  /** BCP 47 tag of the reader's language, for Intl. */
  locale: string;
}

export interface Translator {
  locale: string;
  t(key: MessageKey, values?: Record<string, SaidValue>): string;
  plural(key: PluralKey, count: number, values?: Record<string, SaidValue>): string;
  /** Says stored words: a Said, or a sentence kept by an older version (shown as it is). */
  say(words: Words | undefined): string;
  number(value: number): string;
  time(epochMs: number): string;
  dateTime(epochMs: number): string;
  /** "in 5 minutes", "2 hours ago", "now": the nearest whole unit. */
  relative(epochMs: number, now?: number): string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

export function createTranslator(source: TranslatorSource): Translator {
  const locale = source.locale;
  // Each formatter is made on first use: making them all costs a page's first paint several milliseconds.
  const numbers = once(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }));
  const times = once(() => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }));
  const clocks = once(() => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }));
  const dateTimes = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
  const relatives = once(() => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const plurals = once(() => new Intl.PluralRules(locale));
  const lists = once(() => new Intl.ListFormat(locale, { style: 'short', type: 'unit' }));

  function relative(epochMs: number, now = Date.now()): string {
    const diff = epochMs - now;
    for (const [unit, size] of UNITS) {
      if (Math.abs(diff) >= size) return relatives().format(Math.round(diff / size), unit);
    }
    return relatives().format(0, 'minute');
  }

  function valueText(value: SaidValue): string {
    if (typeof value === 'number') return numbers().format(value);
    if (typeof value === 'string') return value;
    if (isSaid(value)) return say(value);
    if ('time' in value) return times().format(value.time);
    if ('clock' in value) return clocks().format(value.clock);
    if ('list' in value) return lists().format(value.list.map(valueText));
    if ('date' in value) return dateTimes().format(value.date);
    return relative(value.relative);
  }

  function fill(message: string, key: string, values: Record<string, SaidValue> = {}): string {
    if (!message) return key;
    return message.replace(PLACEHOLDER, (whole, name: string) => (name in values ? valueText(values[name]!) : whole));
  }

  function pluralMessage(key: string, count: number): string {
    return source.lookup(`${key}_${plurals().select(count)}`) || source.lookup(`${key}_other`);
  }

  function say(words: Words | undefined): string {
    if (words === undefined) return '';
    if (typeof words === 'string') return words;
    if ('count' in words) return fill(pluralMessage(words.key, words.count), words.key, { count: words.count, ...words.values });
    return fill(source.lookup(words.key), words.key, words.values);
  }

  return {
    locale,
    t: (key, values) => fill(source.lookup(key), key, values),
    plural: (key, count, values) => fill(pluralMessage(key, count), key, { count, ...values }),
    say,
    number: (value) => numbers().format(value),
    time: (epochMs) => times().format(epochMs),
    dateTime: (epochMs) => dateTimes().format(epochMs),
    relative,
  };
}

/** A translator over one locale's messages.json (tests, scripts). */
export function translatorFor(messages: Record<string, { message: string }>, locale: string): Translator {
  return createTranslator({ lookup: (key) => messages[key]?.message ?? '', locale });
}
