import { describe, expect, it } from 'vitest';
import { buildLoginUrl, explainAuthFlowFailure, LOGIN_SCOPES, parseLoginRedirect, webAuthFlowDetails } from './login-flow';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const NOW = 1_800_000_000_000;

describe('buildLoginUrl', () => {
  it('asks Facebook for a token with every scope, the state and the redirect URI', () => {
    const url = new URL(
      buildLoginUrl({
        facebookOrigin: 'https://www.facebook.com',
        apiVersion: 'v25.0',
        appId: '42',
        redirectUri: REDIRECT,
        state: 's1',
        scopes: LOGIN_SCOPES,
      }),
    );
    expect(url.origin + url.pathname).toBe('https://www.facebook.com/v25.0/dialog/oauth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: '42',
      redirect_uri: REDIRECT,
      state: 's1',
      response_type: 'token',
      scope: 'pages_show_list,business_management,instagram_basic,instagram_branded_content_ads_brand',
      return_scopes: 'true',
    });
  });

  it('adds auth_type=rerequest only when asking again for declined permissions', () => {
    const url = new URL(
      buildLoginUrl({
        facebookOrigin: 'https://www.facebook.com',
        apiVersion: 'v25.0',
        appId: '42',
        redirectUri: REDIRECT,
        state: 's',
        scopes: ['a'],
        rerequest: true,
      }),
    );
    expect(url.searchParams.get('auth_type')).toBe('rerequest');
  });
});

describe('webAuthFlowDetails', () => {
  it("lets Chrome's silent renewal follow Facebook's script redirects, with a time limit", () => {
    expect(webAuthFlowDetails('https://x', false, 'chrome')).toEqual({
      url: 'https://x',
      interactive: false,
      abortOnLoadForNonInteractive: false,
      timeoutMsForNonInteractive: 5_000,
    });
  });

  it('sends only the standard details to Firefox and to interactive logins', () => {
    expect(webAuthFlowDetails('https://x', false, 'firefox')).toEqual({ url: 'https://x', interactive: false });
    expect(webAuthFlowDetails('https://x', true, 'chrome')).toEqual({ url: 'https://x', interactive: true });
  });
});

describe('parseLoginRedirect', () => {
  it('reads the token, its lifetime and the granted and declined scopes from the fragment', () => {
    const result = parseLoginRedirect(
      `${REDIRECT}#access_token=TOKEN&token_type=bearer&expires_in=5400&state=s1&granted_scopes=a,b&denied_scopes=c`,
      's1',
      NOW,
    );
    expect(result).toEqual({ accessToken: 'TOKEN', expiresAt: NOW + 5_400_000, grantedScopes: ['a', 'b'], declinedScopes: ['c'] });
  });

  it('treats a token without a lifetime as valid for one hour', () => {
    expect(parseLoginRedirect(`${REDIRECT}#access_token=T&state=s`, 's', NOW).expiresAt).toBe(NOW + 3_600_000);
  });

  it.each([
    ['a different state', `${REDIRECT}#access_token=T&state=other`, 'login-state-mismatch'],
    ['no state at all', `${REDIRECT}#access_token=T`, 'login-state-mismatch'],
    ['the user cancelling', `${REDIRECT}?error=access_denied&error_reason=user_denied&state=s#_=_`, 'login-cancelled'],
    ['another OAuth error', `${REDIRECT}?error=server_error&error_description=Try+later&state=s`, 'login-failed'],
    ['no token', `${REDIRECT}#state=s`, 'login-failed'],
  ])('refuses %s', (_case, url, kind) => {
    expect(() => parseLoginRedirect(url, 's', NOW)).toThrowError(expect.objectContaining({ kind }));
  });

  it('checks the state before anything else, even on an error answer', () => {
    expect(() => parseLoginRedirect(`${REDIRECT}?error=access_denied&state=forged`, 's', NOW)).toThrowError(
      expect.objectContaining({ kind: 'login-state-mismatch' }),
    );
  });
});

describe('explainAuthFlowFailure', () => {
  it.each([
    ['The user did not approve access.', 'login-cancelled'],
    ['User interaction required.', 'session-expired'],
    ['Authorization page could not be loaded.', 'network'],
    ['Something else', 'login-failed'],
  ])('%s -> %s', (message, kind) => {
    expect(explainAuthFlowFailure(new Error(message)).kind).toBe(kind);
  });
});
