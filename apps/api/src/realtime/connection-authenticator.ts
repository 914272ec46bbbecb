import { Injectable, Logger } from '@nestjs/common';
import { AccessResolver, type AccessFailure } from '../access/access-resolver.js';
import { AccessChangeRelay } from './access-change-relay.js';
import { type ConnectionScope, scopeOf } from './connection-scope.js';

type Headers = Record<string, string | string[] | undefined>;

/** An open connection of a user, with what it authenticated with (to re-check it). */
export interface OpenConnection<C> {
  connection: C;
  credentialRoom: string;
  headers: Headers;
  token?: string;
}

export type Admission = { scope: ConnectionScope; refused?: undefined } | { refused: AccessFailure; scope?: undefined };

/** At most this many reads while access changes keep landing during them. */
const MAX_READS = 3;

/**
 * Realtime connections authenticate like HTTP requests, through the one policy
 * (AccessResolver): the session cookie, a token in `Authorization`, or the token the
 * client gave explicitly (`?token=`, Socket.IO `auth.token`). AUTH=none admits everyone.
 */
@Injectable()
export class ConnectionAuthenticator {
  private readonly logger = new Logger(ConnectionAuthenticator.name);

  constructor(
    private readonly resolver: AccessResolver,
    private readonly changes: AccessChangeRelay,
  ) {}

  /**
   * The connection's scope, or why it is refused. The caller joins the scope's rooms
   * synchronously on return, so every access change applied after that reaches it; one
   * applied during the read may be missing from the read, so the read is repeated.
   */
  async admit(headers: Headers, explicitToken?: string): Promise<Admission> {
    for (let read = 1; ; read++) {
      const before = this.changes.applied;
      const { access, failure } = await this.resolver.resolve(headers, explicitToken);
      if (failure) return { refused: failure };
      if (this.changes.applied === before || read >= MAX_READS) return { scope: scopeOf(access) };
    }
  }

  /**
   * Admits open connections again, one read per credential (its connections share the
   * answer), one credential at a time (a replica may hold thousands of connections).
   * `apply` runs synchronously after each read, as a handshake's join does.
   */
  async recheck<C>(open: Iterable<OpenConnection<C>>, apply: (connections: C[], admission: Admission) => void): Promise<void> {
    const byCredential = new Map<string, OpenConnection<C>[]>();
    for (const item of open) {
      const group = byCredential.get(item.credentialRoom);
      if (group) group.push(item);
      else byCredential.set(item.credentialRoom, [item]);
    }
    for (const group of byCredential.values()) {
      try {
        apply(group.map((item) => item.connection), await this.admit(group[0].headers, group[0].token));
      } catch (error) {
        // Left as they are; the next resume or access change moves them.
        this.logger.warn(`could not re-check ${group.length} connection(s): ${String(error)}`);
      }
    }
  }
}

/** The book ids among a connection's rooms. */
export function bookIdsIn(rooms: Iterable<string>): number[] {
  const ids: number[] = [];
  for (const room of rooms) {
    const match = /^book:(\d+)$/.exec(room);
    if (match) ids.push(Number(match[1]));
  }
  return ids;
}

/** A token given as a query parameter or Socket.IO auth field, if it is a non-empty string. */
export function explicitToken(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
}
