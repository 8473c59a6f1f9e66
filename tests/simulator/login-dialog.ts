import { randomBytes } from 'node:crypto';
import type { SimulatorState } from './state';

/** What the simulated Facebook login dialog answers: a redirect or an HTML page. */
export type DialogAnswer = { redirect: string } | { status: number; html: string };

const EXTENSION_REDIRECT = /^https:\/\/[a-z0-9]+\.(chromiumapp\.org|extensions\.allizom\.org)\/[^#?]*$/;

/**
 * GET {version}/dialog/oauth: checks client_id and redirect_uri like Facebook does, then
 * consents for the demo user (or cancels, or waits for a click, as the controls say).
 */
export function answerLoginDialog(
  state: SimulatorState,
  query: Record<string, string>,
  confirmed: boolean,
  confirmPath: string,
): DialogAnswer {
  const { client_id: clientId, redirect_uri: redirectUri } = query;
  if (!clientId || !state.controls.appIds.includes(clientId)) {
    return errorPage('Invalid App ID', `The provided app ID "${clientId ?? ''}" does not look like a valid app ID.`);
  }
  const redirectAllowed =
    state.controls.redirectUris.length > 0
      ? state.controls.redirectUris.includes(redirectUri ?? '')
      : EXTENSION_REDIRECT.test(redirectUri ?? '');
  if (!redirectUri || !redirectAllowed) {
    return errorPage('URL Blocked', "This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings.");
  }
  // Facebook Login for Business: a configuration's permissions, all or none; without one a
  // Business-type app is "not available". Consumer apps use the classic scope.
  const configId = query.config_id;
  if (configId !== undefined && !state.controls.loginConfigs[configId]) {
    return errorPage('Invalid configuration', `The login configuration "${configId}" does not exist for this app.`);
  }
  if (configId === undefined && state.controls.appType === 'business') {
    return errorPage('App not available', "It looks like this app isn't available. This app needs at least one supported permission.");
  }
  const behavior = state.controls.loginBehavior;
  const returnedState = behavior === 'wrong-state' ? 'tampered-state' : (query.state ?? '');
  if (behavior === 'deny') {
    const params = new URLSearchParams({
      error: 'access_denied',
      error_code: '200',
      error_description: 'Permissions error',
      error_reason: 'user_denied',
      state: returnedState,
    });
    return { redirect: `${redirectUri}?${params}#_=_` };
  }
  if (behavior === 'needs-click' && !confirmed) {
    const href = `${confirmPath}?${new URLSearchParams(query)}`;
    return {
      status: 200,
      html: `<!doctype html><title>Log in with Facebook</title><main><h1>Collab Desk is requesting access</h1><p>${escapeHtml(state.world.user.name)}, continue to share your Pages with this app.</p><a id="continue" href="${escapeHtml(href)}">Continue as ${escapeHtml(state.world.user.name)}</a></main>`,
    };
  }
  const scopes =
    configId !== undefined
      ? state.controls.loginConfigs[configId]!
      : (query.scope ?? '')
          .split(',')
          .map((scope) => scope.trim())
          .filter(Boolean);
  if ((query.response_type ?? 'code') === 'token') {
    const { token, expiresIn } = state.issueToken(scopes, { declineNone: configId !== undefined });
    const issued = state.tokens.get(token)!;
    const params = new URLSearchParams({
      access_token: token,
      token_type: 'bearer',
      expires_in: String(expiresIn),
      data_access_expiration_time: String(Math.floor(Date.now() / 1000) + 90 * 86_400),
      state: returnedState,
    });
    if (query.return_scopes === 'true') {
      params.set('granted_scopes', issued.scopes.join(','));
      params.set('denied_scopes', issued.declined.join(','));
    }
    return { redirect: `${redirectUri}#${params}` };
  }
  const code = randomBytes(24).toString('base64url');
  state.codes.set(code, { challenge: query.code_challenge, redirectUri, clientId, scopes, declineNone: configId !== undefined });
  return { redirect: `${redirectUri}?${new URLSearchParams({ code, state: returnedState })}#_=_` };
}

function errorPage(title: string, message: string): DialogAnswer {
  return {
    status: 400,
    html: `<!doctype html><title>${escapeHtml(title)}</title><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main>`,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
