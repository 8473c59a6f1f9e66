/** What the UI may know about the connection. The token itself is never part of it. */
export interface FacebookUser {
  id: string;
  name: string;
}

export type AuthState =
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: FacebookUser; expiresAt: number; declinedScopes: string[] }
  | { status: 'expired'; user: FacebookUser };

/** The session as the background keeps it in storage.session (cleared when the browser closes). */
export interface StoredSession {
  accessToken: string;
  expiresAt: number;
  user: FacebookUser;
  declinedScopes: string[];
}
