import type { EditedVia, Editor } from '@contacts/wire-types';

/** The account behind a request, as the policy needs it. */
export interface CallerUser {
  id: number;
  email: string;
  name: string;
  is_admin: boolean;
}

/**
 * Who is calling:
 * - `open`: AUTH=none — no sign-in, every request allowed (Part 1's behaviour);
 * - `user`: an account, through its session cookie (`web`), a personal token (`api`) or, over
 *   CardDAV, HTTP Basic with its password or a token;
 * - `service`: the EXTERNAL_API_TOKEN, acting on every book with no editor;
 * - `anonymous`: no credentials, in AUTH=accounts (only public routes let it in).
 */
export type Caller =
  | { kind: 'open' }
  | { kind: 'anonymous' }
  | { kind: 'service' }
  | {
      kind: 'user';
      user: CallerUser;
      /**
       * The credential used: what a sign-out or revocation closes. `password`: HTTP Basic
       * with the account's password (CardDAV), checked on every request.
       */
      credential: { type: 'session'; id: string } | { type: 'token'; id: number } | { type: 'password' };
    };

/** The editor a change records: the account, or nobody (AUTH=none, a service, the database). */
export function editorOf(caller: Caller): Editor | null {
  return caller.kind === 'user' ? { id: caller.user.id, name: caller.user.name } : null;
}

/** The channel a REST write records: cookie → web, token or AUTH=none → api, the service token → external. */
export function viaOf(caller: Caller): EditedVia {
  if (caller.kind === 'service') return 'external';
  if (caller.kind === 'user' && caller.credential.type === 'session') return 'web';
  return 'api';
}

/**
 * A caller as work that outlives its request remembers it (an import resuming after a
 * restart): no secrets, only what AccessResolver.again needs to act as them once more.
 */
export type CallerRef =
  | { kind: 'open' }
  | { kind: 'service' }
  | { kind: 'user'; userId: number; credential: Extract<Caller, { kind: 'user' }>['credential'] };

/** The reference to `caller`; null for an anonymous caller (nothing to act as). */
export function callerRefOf(caller: Caller): CallerRef | null {
  switch (caller.kind) {
    case 'open':
    case 'service':
      return { kind: caller.kind };
    case 'user':
      return { kind: 'user', userId: caller.user.id, credential: caller.credential };
    default:
      return null;
  }
}
