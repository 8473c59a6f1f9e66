import { AppError } from '../errors';
import { said } from '../i18n/said';

/** Permissions Collab Desk asks for, and why (docs/meta-app-setup.md lists the same). */
export const LOGIN_SCOPES = [
  'pages_show_list', // list the Pages you can act on, with your tasks
  'business_management', // needed by the partnership-ad permissions edge, and the business the partnership content is read under
  'instagram_basic', // the Instagram accounts linked to those Pages
  'instagram_branded_content_ads_brand', // send, list and revoke partnership-ad permissions; read the brand's partnership content
] as const;

export interface LoginUrlInput {
  facebookOrigin: string;
  apiVersion: string;
  appId: string;
  redirectUri: string;
  state: string;
  scopes: readonly string[];
  /** Ask again for permissions the person declined before. */
  rerequest?: boolean;
  /**
   * A Facebook Login for Business configuration (Business-type apps). Its permissions are
   * set in the app dashboard and granted all or none, so `scope` is not sent with it.
   */
  configId?: string;
}

export function buildLoginUrl(input: LoginUrlInput): string {
  const url = new URL(`${input.facebookOrigin}/${input.apiVersion}/dialog/oauth`);
  url.searchParams.set('client_id', input.appId);
  url.searchParams.set('redirect_uri', input.redirectUri);
  url.searchParams.set('state', input.state);
  url.searchParams.set('response_type', 'token');
  if (input.configId) url.searchParams.set('config_id', input.configId);
  else url.searchParams.set('scope', input.scopes.join(','));
  url.searchParams.set('return_scopes', 'true');
  if (input.rerequest) url.searchParams.set('auth_type', 'rerequest');
  return url.toString();
}

export interface LoginResult {
  accessToken: string;
  expiresAt: number;
  grantedScopes?: string[];
  declinedScopes?: string[];
}

/** Reads the URL Facebook redirected to: the token in the fragment, or the reason there is none. */
export function parseLoginRedirect(redirectUrl: string, expectedState: string, now: number): LoginResult {
  const url = new URL(redirectUrl);
  const params = new URLSearchParams(url.hash.replace(/^#/, ''));
  for (const [key, value] of url.searchParams) if (!params.has(key)) params.set(key, value);

  if (params.get('state') !== expectedState) {
    throw new AppError('login-state-mismatch', said('errorLoginStateMismatch'));
  }
  const error = params.get('error');
  if (error) {
    if (error === 'access_denied') throw new AppError('login-cancelled', said('errorLoginCancelled'));
    throw new AppError('login-failed', said('errorLoginRefused', { meta: params.get('error_description') ?? error }));
  }
  const accessToken = params.get('access_token');
  if (!accessToken) throw new AppError('login-failed', said('errorLoginNoToken'));
  const expiresIn = Number(params.get('expires_in'));
  return {
    accessToken,
    // Tokens without a stated lifetime are treated as short-lived (one hour).
    expiresAt: now + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600) * 1000,
    grantedScopes: splitScopes(params.get('granted_scopes')),
    declinedScopes: splitScopes(params.get('denied_scopes')),
  };
}

/** How long a silent renewal may take through Facebook's script redirects before it counts as failed (a page that waits for a click never redirects). */
export const SILENT_RENEWAL_TIMEOUT_MS = 5_000;

/**
 * The details for identity.launchWebAuthFlow. Chrome ends a silent (non-interactive) flow at
 * the first page load unless told not to, and Facebook may redirect by script after it; Firefox
 * refuses options it does not know, so they go to Chrome only.
 */
export function webAuthFlowDetails(
  url: string,
  interactive: boolean,
  browserName: string,
): { url: string; interactive: boolean; abortOnLoadForNonInteractive?: boolean; timeoutMsForNonInteractive?: number } {
  if (interactive || browserName !== 'chrome') return { url, interactive };
  return { url, interactive, abortOnLoadForNonInteractive: false, timeoutMsForNonInteractive: SILENT_RENEWAL_TIMEOUT_MS };
}

/** Explains why identity.launchWebAuthFlow failed without reaching the redirect. */
export function explainAuthFlowFailure(error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  if (/did not approve|cancel|closed/i.test(message)) {
    return new AppError('login-cancelled', said('errorLoginCancelled'));
  }
  if (/interaction required/i.test(message)) {
    return new AppError('session-expired', said('errorSessionEnded'));
  }
  if (/could not be loaded/i.test(message)) {
    return new AppError('network', said('errorLoginPageUnreachable'));
  }
  return new AppError('login-failed', said('errorLoginUnfinished', { meta: message }));
}

export function randomState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function splitScopes(value: string | null): string[] | undefined {
  if (value === null) return undefined;
  return value
    .split(',')
    .map((scope) => scope.trim())
    .filter(Boolean);
}
