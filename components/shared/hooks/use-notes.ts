import { useEffect, useMemo, useState } from 'preact/hooks';
import { subscribeToBackgroundEvents } from '@/utils/messaging/events';
import { sendMessage } from '@/utils/messaging/protocol';
import { noteKey, type CreatorNote } from '@/utils/notes/note';

/** The person's notes (end dates, campaigns), by brand and creator, kept current by the background's events. */
export function useNotes() {
  const [notes, setNotes] = useState<CreatorNote[]>([]);
  useEffect(() => {
    const load = () => void sendMessage('listNotes', undefined).then(setNotes, () => undefined);
    load();
    return subscribeToBackgroundEvents((event) => {
      if (event.type === 'events-resumed' || (event.type === 'data-changed' && event.area === 'notes')) load();
    });
  }, []);
  const byCreator = useMemo(() => new Map(notes.map((note) => [noteKey(note), note])), [notes]);
  const campaigns = useMemo(
    () => [...new Set(notes.flatMap((note) => (note.campaign ? [note.campaign] : [])))].sort((a, b) => a.localeCompare(b)),
    [notes],
  );
  return { notes, setNotes, byCreator, campaigns };
}
