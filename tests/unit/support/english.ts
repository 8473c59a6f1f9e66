import { inEnglish } from '@/utils/i18n/in-english';
import type { Words } from '@/utils/i18n/said';

export { inEnglish };

/** Words as an English page would say them. */
export const english = (words: Words | undefined): string => inEnglish.say(words);

/** The error a promise rejects with, its words said in English as `message` (fails when it does not reject). */
export async function failure(promise: Promise<unknown>): Promise<{ kind?: string; message: string; details?: unknown }> {
  try {
    await promise;
  } catch (error) {
    const { kind, said, details } = error as { kind?: string; said?: Words; details?: unknown };
    return { kind, details, message: said ? english(said) : String(error) };
  }
  throw new Error('expected the promise to reject');
}
