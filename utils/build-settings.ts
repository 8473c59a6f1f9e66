/** Where the extension talks to Meta, fixed at build time (see README, "Build settings"). */
export interface BuildSettings {
  graphOrigin: string;
  facebookOrigin: string;
  graphApiVersion: string;
  defaultMetaAppId: string;
}

export function resolveBuildSettings(env: Partial<Record<keyof ImportMetaEnv, string | undefined>>): BuildSettings {
  return {
    graphOrigin: originOrDefault(env.WXT_GRAPH_ORIGIN, 'https://graph.facebook.com'),
    facebookOrigin: originOrDefault(env.WXT_FACEBOOK_ORIGIN, 'https://www.facebook.com'),
    graphApiVersion: /^v\d+\.\d+$/.test(env.WXT_GRAPH_API_VERSION ?? '') ? env.WXT_GRAPH_API_VERSION! : 'v25.0',
    defaultMetaAppId: (env.WXT_META_APP_ID ?? '').trim(),
  };
}

function originOrDefault(value: string | undefined, fallback: string): string {
  if (!value?.trim()) return fallback;
  return new URL(value.trim()).origin;
}

export const buildSettings: BuildSettings = resolveBuildSettings(import.meta.env);
