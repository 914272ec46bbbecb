import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { Subject, filter, firstValueFrom, type Observable } from 'rxjs';
import {
  ADDRESS_BOOK_EVENT_TYPES,
  CONTACT_EVENT_TYPES,
  type AddressBookEvent,
  type ContactEvent,
  type ContactEventType,
  type ImportProgressEvent,
} from '@contacts/wire-types';
import { ContactsApiService } from '../contacts/contacts-api.service';
import { CONTACTS_SOCKET_FACTORY, type ContactsSocket } from './contact-socket';

/** `signed-out`: the server refused the connection as unauthorized; it waits for `resume()` after sign-in. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'catching-up' | 'signed-out';

/** The `connect_error` message the server gives a connection without valid credentials. */
export const UNAUTHORIZED = 'unauthorized';

/** How many seqs to remember for de-duplication (live events may overlap the catch-up feed). */
const SEEN_LIMIT = 2000;
const CATCH_UP_RETRY_MS = 2000;
/** After the server refused a handshake it could not check (not "unauthorized"). */
const REFUSED_RETRY_MS = 3000;

/**
 * The one live stream of contact events. Tracks the highest `seq` seen; after a reconnect it
 * first replays `GET /api/changes/?since=<seq>` (buffering live events meanwhile), then goes
 * "live" again, so views never miss a change made while the connection was down.
 */
@Injectable({ providedIn: 'root' })
export class ContactEventsService {
  private readonly api = inject(ContactsApiService);
  private readonly socketFactory = inject(CONTACTS_SOCKET_FACTORY);

  private readonly _state = signal<ConnectionState>('connecting');
  private readonly _lastSeq = signal<number | null>(null);
  readonly state = this._state.asReadonly();
  readonly lastSeq = this._lastSeq.asReadonly();

  private readonly eventsSubject = new Subject<ContactEvent>();
  private readonly resyncSubject = new Subject<void>();
  private readonly bookEventsSubject = new Subject<AddressBookEvent>();
  private readonly unauthorizedSubject = new Subject<void>();
  private readonly importProgressSubject = new Subject<ImportProgressEvent>();
  /** Every event once, in arrival order (catch-up events first after a reconnect). */
  readonly events$: Observable<ContactEvent> = this.eventsSubject.asObservable();
  /** Emitted when views should refetch because events may have been missed. */
  readonly resync$: Observable<void> = this.resyncSubject.asObservable();
  /**
   * A book was shared with this user or taken away. These carry no seq and are not in the
   * changes feed: after a reconnect, resync$ tells views to read the books again.
   */
  readonly bookEvents$: Observable<AddressBookEvent> = this.bookEventsSubject.asObservable();
  /**
   * Progress of this user's imports (no seq, not in the changes feed: a view that needs the
   * outcome polls `GET /api/imports/{id}/` when these stop coming).
   */
  readonly importProgress$: Observable<ImportProgressEvent> = this.importProgressSubject.asObservable();
  /** The server refused the connection: the session is gone (signed out elsewhere, expired, revoked). */
  readonly unauthorized$: Observable<void> = this.unauthorizedSubject.asObservable();

  private socket: ContactsSocket | null = null;
  private everConnected = false;
  /** Live events are held back (buffered) from a reconnect until the catch-up has replayed the gap. */
  private catchingUp = false;
  private buffer: ContactEvent[] = [];
  private readonly seen = new Set<number>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private refusedRetry: ReturnType<typeof setTimeout> | undefined;
  /** The one running catch-up loop; a reconnect while it runs asks it for another pass instead. */
  private catchUpLoop: Promise<void> | null = null;
  private catchUpAgain = false;
  /** Where the feed was read up to (`last_seq` may pass the newest event this client is shown). */
  private feedCursor = 0;
  /** Bumped by stop(), so a loop still awaiting the network ends without touching state. */
  private generation = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  /** Typed view of one event type. */
  on<K extends ContactEventType>(type: K): Observable<Extract<ContactEvent, { type: K }>> {
    return this.events$.pipe(filter((e): e is Extract<ContactEvent, { type: K }> => e.type === type));
  }

  start(): void {
    if (this.socket) return;
    const socket = this.socketFactory();
    this.socket = socket;
    for (const type of CONTACT_EVENT_TYPES) {
      socket.on(type, (event: ContactEvent) => this.receive(event));
    }
    for (const type of ADDRESS_BOOK_EVENT_TYPES) {
      socket.on(type, (event: AddressBookEvent) => this.bookEventsSubject.next(event));
    }
    socket.on('import.progress', (event: ImportProgressEvent) => this.importProgressSubject.next(event));
    socket.on('connect', () => this.onConnect());
    socket.on('disconnect', (reason) => {
      this._state.set('reconnecting');
      // The server hung up on purpose (a restart, or a sign-out / revoked session): socket.io does
      // not retry that by itself. Trying again tells which: a refused handshake is "unauthorized".
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (err: Error) => {
      if (err?.message === UNAUTHORIZED) {
        // Refused by the server: socket.io will not retry; resume() connects again after sign-in.
        this._state.set('signed-out');
        this.unauthorizedSubject.next();
        return;
      }
      this._state.set(this.everConnected ? 'reconnecting' : 'connecting');
      // Refused for another reason (the server could not check the credentials: "unavailable"):
      // socket.io gives up on a refusal, so try again a little later.
      if (socket.active === false) {
        clearTimeout(this.refusedRetry);
        this.refusedRetry = setTimeout(() => {
          if (this.socket === socket && !socket.connected && this._state() !== 'signed-out') socket.connect();
        }, REFUSED_RETRY_MS);
      }
    });
    socket.connect();
  }

  /** After signing in again: connect with the new session cookie (the catch-up fills the gap). */
  resume(): void {
    const socket = this.socket;
    if (!socket || socket.connected) return;
    this._state.set(this.everConnected ? 'reconnecting' : 'connecting');
    socket.connect();
  }

  stop(): void {
    clearTimeout(this.retryTimer);
    clearTimeout(this.refusedRetry);
    this.retryTimer = undefined;
    this.generation++;
    this.catchUpLoop = null;
    this.catchUpAgain = false;
    this.socket?.disconnect();
    this.socket = null;
  }

  private onConnect(): void {
    const reconnect = this.everConnected;
    this.everConnected = true;
    const since = this._lastSeq();
    if (since === null) {
      // Nothing seen yet, so nothing to replay; after a reconnect just ask views to refetch.
      this._state.set('live');
      if (reconnect) this.resyncSubject.next();
      return;
    }
    this.requestCatchUp();
  }

  private receive(event: ContactEvent): void {
    if (this.catchingUp) {
      this.buffer.push(event);
      return;
    }
    this.deliver(event);
  }

  private deliver(event: ContactEvent): void {
    if (this.seen.has(event.seq)) return;
    this.seen.add(event.seq);
    if (this.seen.size > SEEN_LIMIT) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    const last = this._lastSeq();
    if (last === null || event.seq > last) this._lastSeq.set(event.seq);
    this.eventsSubject.next(event);
  }

  /**
   * Single-flight: starts the catch-up loop, or, when one is already running (the socket came back
   * while it was paging), makes it read the feed once more from where it got to before going
   * live. Two loops would drain the buffer and go "live" while the other is still replaying.
   */
  private requestCatchUp(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.catchingUp = true;
    this._state.set('catching-up');
    this.catchUpAgain = true;
    if (this.catchUpLoop) return;
    const generation = this.generation;
    const loop = this.runCatchUp(generation).finally(() => {
      if (this.catchUpLoop === loop) this.catchUpLoop = null;
    });
    this.catchUpLoop = loop;
  }

  private async runCatchUp(generation: number): Promise<void> {
    const stopped = () => generation !== this.generation;
    try {
      let cursor = Math.max(this.feedCursor, this._lastSeq() ?? 0);
      // Page through the feed while it still returns events, and once more if the socket came
      // back after the last request went out (a request sent after a reconnect covers it).
      for (;;) {
        this.catchUpAgain = false;
        const page = await firstValueFrom(this.api.changes(cursor));
        if (stopped()) return;
        for (const event of page.results) this.deliver(event);
        const next = page.results.length ? Math.max(cursor, page.last_seq ?? 0, ...page.results.map((e) => e.seq)) : cursor;
        // `next > cursor` is defensive too: never loop on a feed that does not advance.
        const advanced = next > cursor;
        cursor = next;
        this.feedCursor = cursor;
        if (!advanced && !this.catchUpAgain) break;
      }
    } catch {
      if (stopped()) return;
      // Keep buffering and try again while the socket is up; a reconnect retries at once.
      this._state.set('reconnecting');
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        if (this.socket?.connected) this.requestCatchUp();
      }, CATCH_UP_RETRY_MS);
      return;
    }
    this.catchingUp = false;
    const buffered = this.buffer;
    this.buffer = [];
    for (const event of buffered) this.deliver(event);
    this._state.set(this.socket?.connected === false ? 'reconnecting' : 'live');
    this.resyncSubject.next();
  }
}
