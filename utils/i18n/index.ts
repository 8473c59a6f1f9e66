import { browser } from '@/utils/browser';
import { createTranslator, type Translator } from './translate';

let current: Translator | undefined;

/**
 * The pages' translator: words from `_locales` in the browser's language (the browser picks
 * the messages; Intl formats numbers, times and plurals for the same language). Made on first
 * use, so merely importing a module does not touch the browser.
 */
function translator(): Translator {
  current ??= createTranslator({ lookup: message, locale: uiLocale() });
  return current;
}

// WXT types getMessage with the keys it saw at `wxt prepare`; the translator looks up any key. Each message is
// asked of the browser once a page: a table of hundreds of rows says the same few words thousands of times.
const messages = new Map<string, string>();
function message(key: string): string {
  let found = messages.get(key);
  if (found === undefined) {
    found = (browser.i18n.getMessage as (name: string) => string)(key);
    messages.set(key, found);
  }
  return found;
}

/** The language the browser chose the messages in ("pt_BR" becomes "pt-BR"), so Intl speaks the same one. */
function uiLocale(): string {
  return message('@@ui_locale').replace('_', '-') || browser.i18n.getUILanguage();
}

export const i18n: Translator = {
  get locale() {
    return translator().locale;
  },
  t: (key, values) => translator().t(key, values),
  plural: (key, count, values) => translator().plural(key, count, values),
  say: (words) => translator().say(words),
  number: (value) => translator().number(value),
  time: (epochMs) => translator().time(epochMs),
  dateTime: (epochMs) => translator().dateTime(epochMs),
  relative: (epochMs, now) => translator().relative(epochMs, now),
};

export const { t, plural, say } = i18n;

/** Marks a page with the language its words are in, so screen readers speak them in it (and right-to-left would follow). */
export function applyPageLanguage(root: HTMLElement = document.documentElement): void {
  root.lang = i18n.locale;
  root.dir = message('@@bidi_dir') || 'ltr';
}
export type { Said, Words } from './said';
