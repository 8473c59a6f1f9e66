import { i18n } from '../i18n';
import { said, saidCount } from '../i18n/said';
import { hasEnded, isEndedTerm, today, type CreatorNote } from '../notes/note';
import type { NotesStore } from '../notes/notes-store';
import type { PartnershipsService } from '../partnerships/partnerships-service';
import { notify } from './notify';

/** The alarm that looks for terms that ended (hourly; local only, no call to Meta). */
export const TERMS_ALARM = 'collab-desk-terms';

export interface EndedTermsDeps {
  notes: NotesStore;
  partnerships: Pick<PartnershipsService, 'knownRecord'>;
  /** The badge counts ended terms. */
  scheduleBadge(): void;
}

/** Terms (the person's end dates) that passed while the permission is still approved: counted and told, never revoked here. */
export function createEndedTerms({ notes, partnerships, scheduleBadge }: EndedTermsDeps) {
  /** Approved permissions whose term (the person's end date) has passed, as the cache knows them. */
  async function approvedEnded(): Promise<CreatorNote[]> {
    const day = today();
    const ended = (await notes.all()).filter((note) => hasEnded(note, day));
    const approved: CreatorNote[] = [];
    for (const note of ended) {
      const record = await partnerships.knownRecord(note.brandIgId, { username: note.username }).catch(() => undefined);
      if (isEndedTerm(record?.status, note, day)) approved.push(note);
    }
    return approved;
  }

  /**
   * Terms that ended since last told: the badge counts them, and one notification (when
   * allowed) names how many. Nothing is revoked: the person does that with Revoke ended terms.
   */
  let endedTermsCheck: Promise<void> = Promise.resolve();
  function check(): Promise<void> {
    // One check at a time: two saves in a row must not both tell the person about the same term.
    endedTermsCheck = endedTermsCheck.then(tellEndedTerms, tellEndedTerms);
    return endedTermsCheck;
  }

  async function tellEndedTerms(): Promise<void> {
    scheduleBadge();
    const untold = (await approvedEnded()).filter((note) => !note.endNotified);
    if (untold.length === 0) return;
    await notes.markEndNotified(untold);
    await notify(
      TERMS_ALARM,
      i18n.say(saidCount('termsNotificationTitle', untold.length)),
      i18n.say(
        said('termsNotificationMessage', {
          // The language's own list ("@a, @b and 3 more").
          creators: {
            list: [
              ...untold.slice(0, 5).map((note) => `@${note.username}`),
              ...(untold.length > 5 ? [saidCount('watchNotificationMore', untold.length - 5)] : []),
            ],
          },
        }),
      ),
    );
  }

  return { approvedEnded, check };
}
