/** "1 creator", "3 creators". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "14:05 (in 1 h 59 min)" for a time in the future. */
export function describeExpiry(expiresAt: number, now: number = Date.now()): string {
  const minutes = Math.max(0, Math.round((expiresAt - now) / 60_000));
  const time = new Date(expiresAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const hours = Math.floor(minutes / 60);
  const left = hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
  return `${time} (in ${left})`;
}

/** "just now", "5 min ago", "2 h ago". */
export function describeAge(at: number, now: number = Date.now()): string {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ago`;
}
