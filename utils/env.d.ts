interface ImportMetaEnv {
  readonly WXT_GRAPH_ORIGIN?: string;
  readonly WXT_FACEBOOK_ORIGIN?: string;
  readonly WXT_GRAPH_API_VERSION?: string;
  readonly WXT_META_APP_ID?: string;
}
