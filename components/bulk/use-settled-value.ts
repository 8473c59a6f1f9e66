import { useEffect, useState } from 'preact/hooks';

/**
 * The value once it has stopped changing for `delayMs` (at once when the delay is 0), so
 * costly work on it runs after typing pauses, not on every keystroke.
 */
export function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (delayMs === 0) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return delayMs === 0 ? value : settled;
}
