import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const localesDir = resolve(import.meta.dirname, '../public/_locales');
const locales = readdirSync(localesDir);
const messagesOf = (locale: string) =>
  JSON.parse(readFileSync(resolve(localesDir, locale, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string; description?: string }
  >;

describe('_locales', () => {
  it('ships English, Spanish and Brazilian Portuguese', () => {
    expect(locales.sort()).toEqual(['en', 'es', 'pt_BR']);
  });

  it.each(locales.filter((locale) => locale !== 'en'))('%s has every key English has, and no other, each with words', (locale) => {
    const english = messagesOf('en');
    const translated = messagesOf(locale);
    expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
    for (const [key, entry] of Object.entries(translated)) expect(entry.message.trim(), `${locale}/${key}`).not.toBe('');
  });

  it('keeps placeholders in every translation', () => {
    const english = messagesOf('en');
    for (const locale of locales) {
      for (const [key, entry] of Object.entries(messagesOf(locale))) {
        const wanted = (english[key]!.message.match(/\$\w+\$/g) ?? []).sort();
        expect((entry.message.match(/\$\w+\$/g) ?? []).sort(), `${locale}/${key}`).toEqual(wanted);
      }
    }
  });
});
