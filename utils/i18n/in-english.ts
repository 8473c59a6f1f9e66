import english from '../../public/_locales/en/messages.json';
import { translatorFor } from './translate';

/** The English messages as a translator, for tests and scripts that read what a page would say. */
export const inEnglish = translatorFor(english, 'en');
