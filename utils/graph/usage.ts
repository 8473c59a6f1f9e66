/** Rate-limit usage Meta reports in response headers, in percent of the allowance. */
export interface GraphUsage {
  /** Highest call_count / total_time / total_cputime across X-App-Usage and X-Business-Use-Case-Usage. */
  percent: number;
  /** Minutes until access returns, from X-Business-Use-Case-Usage, when Meta gives it. */
  regainAccessMinutes?: number;
}

export function readUsageHeaders(headers: { get(name: string): string | null }): GraphUsage {
  const percents: number[] = [];
  let regainAccessMinutes: number | undefined;
  const app = parseJson(headers.get('x-app-usage'));
  if (isRecord(app)) percents.push(...usagePercents(app));
  const business = parseJson(headers.get('x-business-use-case-usage'));
  if (isRecord(business)) {
    for (const entries of Object.values(business)) {
      if (!Array.isArray(entries)) continue;
      for (const entry of entries) {
        if (!isRecord(entry)) continue;
        percents.push(...usagePercents(entry));
        const minutes = Number(entry.estimated_time_to_regain_access);
        if (Number.isFinite(minutes)) regainAccessMinutes = Math.max(regainAccessMinutes ?? 0, minutes);
      }
    }
  }
  return { percent: percents.length > 0 ? Math.max(...percents) : 0, regainAccessMinutes };
}

function usagePercents(entry: Record<string, unknown>): number[] {
  return ['call_count', 'total_time', 'total_cputime'].map((key) => Number(entry[key])).filter((value) => Number.isFinite(value));
}

function parseJson(text: string | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
