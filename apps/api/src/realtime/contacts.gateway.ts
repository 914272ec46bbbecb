import { Logger } from '@nestjs/common';
import { type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { ExtendedError, Namespace, Socket } from 'socket.io';
import { type ContactEvent, type ContactEventMap, type ImportProgressEvent, SOCKET_IO_NAMESPACE } from '@contacts/wire-types';
import type { AccessChange } from '../events/access-change-bus.js';
import { type AccessSink, AccessChangeRelay } from './access-change-relay.js';
import { bookIdsIn, ConnectionAuthenticator, explicitToken, type OpenConnection } from './connection-authenticator.js';
import { type ConnectionScope, deliveriesOf, revokedRooms, Rooms, roomsOf } from './connection-scope.js';
import { type ImportProgressSink, ImportProgressRelay } from './import-progress-relay.js';
import { type EventSink, RealtimeHub } from './realtime-hub.js';
import { SocketIoFanout } from './socket-io-fanout.js';
import { MAX_BUFFERED_BYTES } from './text-frame.js';

/** Server-to-client events, derived from the one typed event map. */
export type ContactServerEvents = { [K in keyof ContactEventMap]: (event: ContactEventMap[K]) => void };
export interface ContactSocketData {
  scope?: ConnectionScope;
}
export type ContactsNamespace = Namespace<Record<string, never>, ContactServerEvents, Record<string, never>, ContactSocketData>;
type ContactSocket = Socket<Record<string, never>, ContactServerEvents, Record<string, never>, ContactSocketData>;

/** Emits under the event's own type, typed through ContactEventMap. */
export function emitContactEvent<K extends keyof ContactEventMap>(
  target: { emit(type: K, event: ContactEventMap[K]): unknown },
  event: ContactEventMap[K] & { type: K },
): void {
  target.emit(event.type, event);
}

/** The connect_error message a client sees when its credentials do not check out (the contract's). */
export const UNAUTHORIZED = 'unauthorized';
/** …and when they could not be checked (the database did not answer): retry later. */
export const UNAVAILABLE = 'unavailable';

/**
 * Socket.IO namespace `/contacts`: read-only for clients, it only pushes events. A handshake
 * authenticates like HTTP and joins its rooms (connection-scope.ts): the books its user
 * can read, its user and its credential; unrestricted callers one room for everything.
 *
 * Emits are local to this replica: every replica receives every event through the hub
 * (Redis channel + sweep), and every access change through the AccessChangeRelay, so a
 * cluster-wide emit or room change here would act twice. Each event is encoded once, as
 * one WebSocket frame written to every socket (SocketIoFanout), which also drops a client
 * that stops reading once its backlog passes MAX_BUFFERED_BYTES, as the plain WebSocket does.
 */
@WebSocketGateway({ namespace: SOCKET_IO_NAMESPACE })
export class ContactsGateway implements OnGatewayInit<ContactsNamespace>, EventSink, AccessSink, ImportProgressSink {
  readonly name = 'socket.io';
  private readonly logger = new Logger(ContactsGateway.name);
  private namespace: ContactsNamespace | null = null;
  private fanout: SocketIoFanout | null = null;

  constructor(
    private readonly hub: RealtimeHub,
    private readonly relay: AccessChangeRelay,
    private readonly auth: ConnectionAuthenticator,
    private readonly imports: ImportProgressRelay,
  ) {}

  afterInit(namespace: ContactsNamespace): void {
    this.namespace = namespace;
    this.fanout = new SocketIoFanout(namespace, MAX_BUFFERED_BYTES);
    namespace.use((socket, next) => void this.admit(socket, next));
    this.hub.addSink(this);
    this.relay.addSink(this);
    this.imports.addSink(this);
    this.logger.debug(`Socket.IO namespace ${SOCKET_IO_NAMESPACE} ready`);
  }

  /** Connected Socket.IO clients of this replica. */
  get clientCount(): number {
    return this.namespace?.sockets.size ?? 0;
  }

  sendLocal(event: ContactEvent): void {
    const fanout = this.fanout;
    if (!fanout) return;
    for (const { event: variant, to, except } of deliveriesOf(event)) fanout.emit(to, except, variant);
  }

  sendImportProgress(rooms: string[], event: ImportProgressEvent): void {
    this.fanout?.emit(rooms, [], event);
  }

  applyAccessChange(change: AccessChange): void {
    const namespace = this.namespace;
    if (!namespace) return;
    const user = namespace.local.in(Rooms.user(change.user_id));
    switch (change.type) {
      // role_changed: a new role changes what the UI offers (and a rename its title), so the
      // book is sent again as the user now sees it, under the same event as a share (the
      // contract has no other event for it; clients replace the book they hold). Joining is idempotent.
      case 'book_gained':
      case 'role_changed':
        user.socketsJoin(Rooms.book(change.address_book.id));
        emitContactEvent(user, { type: 'address_book.shared', address_book: change.address_book });
        return;
      case 'book_lost':
        user.socketsLeave(Rooms.book(change.address_book_id));
        emitContactEvent(user, { type: 'address_book.unshared', address_book_id: change.address_book_id });
        return;
      case 'credential_revoked':
        // `true`: the underlying connection closes too, so the client cannot linger on it.
        for (const room of revokedRooms(change)) namespace.local.in(room).disconnectSockets(true);
        return;
    }
  }

  async recheckAll(): Promise<void> {
    const namespace = this.namespace;
    if (!namespace) return;
    const open: OpenConnection<ContactSocket>[] = [];
    for (const socket of namespace.sockets.values()) {
      const scope = socket.data.scope;
      if (scope?.kind === 'user') open.push({ connection: socket, credentialRoom: scope.credentialRoom, headers: socket.request.headers, token: tokenOf(socket) });
    }
    await this.auth.recheck(open, (sockets, admission) => {
      const readable = new Set(admission.scope?.kind === 'user' ? admission.scope.books : []);
      for (const socket of sockets) {
        if (!socket.connected) continue;
        if (admission.refused) {
          socket.disconnect(true);
          continue;
        }
        for (const book of bookIdsIn(socket.rooms)) {
          if (readable.has(book)) continue;
          void socket.leave(Rooms.book(book));
          emitContactEvent(socket, { type: 'address_book.unshared', address_book_id: book });
        }
      }
    });
  }

  private async admit(socket: ContactSocket, next: (error?: ExtendedError) => void): Promise<void> {
    try {
      const admission = await this.auth.admit(socket.request.headers, tokenOf(socket));
      if (admission.refused) return next(new Error(UNAUTHORIZED));
      socket.data.scope = admission.scope;
      // Synchronously after the read (see ConnectionAuthenticator.admit); a socket that
      // goes away before it connects leaves its rooms again (Socket.IO's cleanup).
      void socket.join(roomsOf(admission.scope));
      next();
    } catch (error) {
      this.logger.warn(`Socket.IO handshake could not be authenticated: ${String(error)}`);
      next(new Error(UNAVAILABLE));
    }
  }
}

/** Socket.IO's explicit token: `auth.token`, else the handshake query's `token`. */
function tokenOf(socket: ContactSocket): string | undefined {
  return explicitToken(socket.handshake.auth?.token) ?? explicitToken(socket.handshake.query.token);
}
