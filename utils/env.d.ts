interface ImportMetaEnv {
  readonly WXT_GRAPH_ORIGIN?: string;
  readonly WXT_FACEBOOK_ORIGIN?: string;
  readonly WXT_GRAPH_API_VERSION?: string;
  readonly WXT_META_APP_ID?: string;
  readonly WXT_META_LOGIN_CONFIG_ID?: string;
  readonly WXT_RATE_LIMIT_FIRST_STEP_MS?: string;
  readonly WXT_WATCH_INTERVAL_MINUTES?: string;
}
