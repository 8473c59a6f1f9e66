import { useState } from 'preact/hooks';

/** Where the dashboard keeps the person's "waiting after N days" choice (a display preference, not Meta's data). */
const WAITING_AFTER_KEY = 'collab-desk-waiting-after-days';

/** A day count from what was typed or stored: 1 to 365, 7 when there is none. */
function waitingDaysFrom(text: string | null): number {
  return Math.min(365, Math.max(1, Number(text) || 7));
}

/** After how many days a pending request counts as waiting; the person's choice is remembered on this device. */
export function useWaitingAfterDays(): [days: number, choose: (typed: string) => void] {
  const [days, setDays] = useState(() => waitingDaysFrom(localStorage.getItem(WAITING_AFTER_KEY)));
  function choose(typed: string) {
    const chosen = waitingDaysFrom(typed);
    setDays(chosen);
    localStorage.setItem(WAITING_AFTER_KEY, String(chosen));
  }
  return [days, choose];
}
