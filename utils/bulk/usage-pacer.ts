import { MAX_PACING_MS } from './governor';

/** The share of Meta's allowance a bulk job fills, in percent: the rest stays for probes and for the person's other tools. */
export const USAGE_CEILING = 90;
/** How long a job waits, while it has not yet seen Meta's usage window turn over, before sending one creator to look again. */
export const PROBE_STEP_MS = 250;
/** Margin added to a wait computed from the learned window, for clocks and rounding. */
const WINDOW_GUARD_MS = 200;
/** Above this, even one more call could meet the limit: no probe, the longest wait. */
const PROBE_LIMIT = 99;
/** Batches at least this large tell what one call costs (usage comes in whole percents). */
const MEASURING_BATCH = 10;

export type PacerAdvice = { items: number; lanes: number } | { waitMs: number };

/**
 * Paces a bulk job by the usage Meta reports after each batch (X-App-Usage and
 * X-Business-Use-Case-Usage, in percent of an allowance counted over a rolling window, where
 * every creator in a batch is one call). It learns what one call costs from how the usage
 * rises, sizes batches to stay under USAGE_CEILING, and when the allowance is full waits for
 * the window to turn over instead of being throttled: until it has seen the usage fall it
 * looks again every PROBE_STEP_MS with one creator; once it has, it knows the window's length
 * from its own sends and waits until enough of them have left it.
 */
export function createUsagePacer(maxItems: number, maxLanes: number) {
  /** Our sends still in the window as far as we know, oldest first. */
  const sends: Array<{ at: number; items: number }> = [];
  /** What one call costs in percent: the most seen in a rise, else (first answer) an upper bound. */
  let costFromRises: number | undefined;
  let costBound: number | undefined;
  let windowMs: number | undefined;
  let last: { at: number; percent: number } | undefined;
  let waitingSince: number | undefined;
  const percentPerCall = () => costFromRises ?? costBound;

  return {
    /** A batch of `items` creators sent at `sentAt` was answered at `at`, with Meta's usage then. */
    answered(sentAt: number, at: number, items: number, percent: number): void {
      sends.push({ at: sentAt, items });
      sends.sort((a, b) => a.at - b.at);
      const cost = percentPerCall();
      // Usage is given in whole percents: a batch of a few creators says little about what one costs.
      if (last === undefined) {
        costBound = percent / items;
      } else if (percent > last.percent && items >= MEASURING_BATCH) {
        costFromRises = Math.max(costFromRises ?? 0, (percent - last.percent) / items);
      } else if (percent < last.percent - 1 && cost && sentAt >= last.at) {
        // Sent after the last answer and reading lower: calls have left the window. They are
        // ours, and the oldest was sent between one window before the last answer and one
        // before this one. The shorter is taken: a wait that ends early only means one more
        // look with one creator, a wait too long loses time.
        windowMs ??= Math.max(last.at, sends[0]!.at + 1) - sends[0]!.at;
      }
      // Sends older than the window no longer count; nor do more of ours than the figure can hold (at 0 %, none
      // before this batch): a job long after the last one does not take the old sends for the window's start.
      if (windowMs !== undefined) while (sends.length > 0 && sends[0]!.at <= at - windowMs) sends.shift();
      const known = percentPerCall();
      if (known !== undefined) keepNewest(known > 0 ? Math.ceil(percent / known) + items : Number.POSITIVE_INFINITY);
      // A batch that overlapped the last answer may have been counted before it: the higher figure holds.
      if (last === undefined || sentAt >= last.at) last = { at, percent };
      else last = { at: Math.max(at, last.at), percent: Math.max(percent, last.percent) };
      waitingSince = undefined;
    },

    /** What the next batch may carry and how many go side by side, or how long to wait first. */
    advise(now: number, itemsInFlight: number): PacerAdvice {
      const cost = percentPerCall();
      if (last === undefined || cost === undefined) return { items: maxItems, lanes: 1 };
      // A cost of 0: Meta's figure did not move, there is room for anything.
      const room = cost > 0 ? Math.floor((USAGE_CEILING - last.percent) / cost) - itemsInFlight : Number.POSITIVE_INFINITY;
      if (room >= 1) {
        const items = Math.min(maxItems, room);
        return { items, lanes: Math.max(1, Math.min(maxLanes, Math.floor(room / maxItems))) };
      }
      if (itemsInFlight > 0) return { waitMs: PROBE_STEP_MS };
      const since = waitingSince ?? now;
      waitingSince = since;
      // With the window known: until a full batch fits again; else look again soon.
      // Never looks again sooner than a step after the last answer.
      const due = windowMs === undefined ? since + PROBE_STEP_MS : Math.max(freedAt(-room + maxItems), last.at + PROBE_STEP_MS);
      if (now >= due) {
        // Time to look again: one creator, if one more call cannot meet the limit; after the longest wait, in any case
        // (a refusal is then waited out as Meta says, and nothing is lost).
        if (last.percent + cost <= PROBE_LIMIT || now >= since + MAX_PACING_MS) return { items: 1, lanes: 1 };
        return { waitMs: since + MAX_PACING_MS - now };
      }
      return { waitMs: Math.min(MAX_PACING_MS, due - now) };
    },
  };

  /** Keeps only the newest `calls` of our sends. */
  function keepNewest(calls: number): void {
    let kept = 0;
    for (let index = sends.length - 1; index >= 0; index--) {
      if (kept >= calls) {
        sends.splice(0, index + 1);
        return;
      }
      const send = sends[index]!;
      if (kept + send.items > calls) send.items = calls - kept;
      kept += send.items;
    }
  }

  /** When `needed` calls of ours will have left the window (windowMs known). */
  function freedAt(needed: number): number {
    let counted = 0;
    for (const send of sends) {
      counted += send.items;
      if (counted >= needed) return send.at + windowMs! + WINDOW_GUARD_MS;
    }
    return (sends.at(-1)?.at ?? 0) + windowMs! + WINDOW_GUARD_MS;
  }
}

export type UsagePacer = ReturnType<typeof createUsagePacer>;
