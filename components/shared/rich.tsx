import { Fragment, type ComponentChildren } from 'preact';
import { plural } from '@/utils/i18n';
import type { PluralKey } from '@/utils/i18n/said';

/**
 * A translated sentence with elements inside it (a link, bold words, a status word): give it
 * the message with its placeholders left in (t() leaves a {name} it has no value for), and
 * each placeholder named in `parts` becomes that part, wherever the language puts it.
 */
export function rich(message: string, parts: Record<string, ComponentChildren>): ComponentChildren {
  return message
    .split(/\{(\w+)\}/)
    .map((piece, index) => (index % 2 === 0 ? piece : piece in parts ? <Fragment key={index}>{parts[piece]}</Fragment> : `{${piece}}`));
}

/** A plural message with its {count} left in, for rich() to put an element there. */
export function pluralWithCountSlot(key: PluralKey, count: number): string {
  return plural(key, count, { count: '{count}' });
}
