import { FIRST_BACKOFF_STEP_MS } from './graph/rate-limit-gate';

/** Where the extension talks to Meta, fixed at build time (see docs/development.md, "Build settings"). */
export interface BuildSettings {
  graphOrigin: string;
  facebookOrigin: string;
  graphApiVersion: string;
  defaultMetaAppId: string;
  /** Facebook Login for Business configuration ID used unless the person sets one. */
  defaultLoginConfigId: string;
  /** The first back-off step after a throttle without Meta's estimate (a minute; tests shorten it). */
  rateLimitFirstStepMs: number;
  /** Tests and demos only: the approvals watch looks this often (minutes) instead of the person's choice; 0 when unset. */
  watchIntervalMinutes: number;
}

export function resolveBuildSettings(env: Partial<Record<keyof ImportMetaEnv, string | undefined>>): BuildSettings {
  return {
    graphOrigin: originOrDefault(env.WXT_GRAPH_ORIGIN, 'https://graph.facebook.com'),
    facebookOrigin: originOrDefault(env.WXT_FACEBOOK_ORIGIN, 'https://www.facebook.com'),
    graphApiVersion: /^v\d+\.\d+$/.test(env.WXT_GRAPH_API_VERSION ?? '') ? env.WXT_GRAPH_API_VERSION! : 'v25.0',
    defaultMetaAppId: (env.WXT_META_APP_ID ?? '').trim(),
    defaultLoginConfigId: /^\d{1,20}$/.test((env.WXT_META_LOGIN_CONFIG_ID ?? '').trim()) ? env.WXT_META_LOGIN_CONFIG_ID!.trim() : '',
    rateLimitFirstStepMs: Math.max(1000, Number(env.WXT_RATE_LIMIT_FIRST_STEP_MS) || FIRST_BACKOFF_STEP_MS),
    // Chrome fires alarms at most every 30 seconds.
    watchIntervalMinutes: Number(env.WXT_WATCH_INTERVAL_MINUTES) > 0 ? Math.max(0.5, Number(env.WXT_WATCH_INTERVAL_MINUTES)) : 0,
  };
}

function originOrDefault(value: string | undefined, fallback: string): string {
  if (!value?.trim()) return fallback;
  return new URL(value.trim()).origin;
}

export const buildSettings: BuildSettings = resolveBuildSettings(import.meta.env);
