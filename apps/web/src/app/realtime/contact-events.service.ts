import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { Subject, filter, firstValueFrom, type Observable } from 'rxjs';
import { CONTACT_EVENT_TYPES, type ContactEvent, type ContactEventMap } from '@contacts/wire-types';
import { ContactsApiService } from '../contacts/contacts-api.service';
import { CONTACTS_SOCKET_FACTORY, type ContactsSocket } from './contact-socket';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'catching-up';

/** How many seqs to remember for de-duplication (live events may overlap the catch-up feed). */
const SEEN_LIMIT = 2000;
const CATCH_UP_RETRY_MS = 2000;

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
  /** Every event once, in arrival order (catch-up events first after a reconnect). */
  readonly events$: Observable<ContactEvent> = this.eventsSubject.asObservable();
  /** Emitted when views should refetch because events may have been missed. */
  readonly resync$: Observable<void> = this.resyncSubject.asObservable();

  private socket: ContactsSocket | null = null;
  private everConnected = false;
  private catchingUp = false;
  private buffer: ContactEvent[] = [];
  private readonly seen = new Set<number>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  /** Typed view of one event type. */
  on<K extends keyof ContactEventMap>(type: K): Observable<ContactEventMap[K]> {
    return this.events$.pipe(filter((e): e is ContactEventMap[K] => e.type === type));
  }

  start(): void {
    if (this.socket) return;
    const socket = this.socketFactory();
    this.socket = socket;
    for (const type of CONTACT_EVENT_TYPES) {
      socket.on(type, (event: ContactEvent) => this.receive(event));
    }
    socket.on('connect', () => this.onConnect());
    socket.on('disconnect', (reason) => {
      this._state.set('reconnecting');
      // The server hung up on purpose: socket.io does not retry that by itself.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', () => this._state.set(this.everConnected ? 'reconnecting' : 'connecting'));
    socket.connect();
  }

  stop(): void {
    clearTimeout(this.retryTimer);
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
    void this.catchUp(since);
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

  private async catchUp(since: number): Promise<void> {
    clearTimeout(this.retryTimer);
    this.catchingUp = true;
    this._state.set('catching-up');
    try {
      let cursor = since;
      // Page through the feed while it still returns events.
      for (;;) {
        const page = await firstValueFrom(this.api.changes(cursor));
        if (!page.results.length) break;
        for (const event of page.results) this.deliver(event);
        const next = Math.max(cursor, page.last_seq ?? 0, ...page.results.map((e) => e.seq));
        if (next <= cursor) break; // defensive: never loop on a feed that does not advance
        cursor = next;
      }
      this.catchingUp = false;
      const buffered = this.buffer;
      this.buffer = [];
      for (const event of buffered) this.deliver(event);
      this._state.set(this.socket?.connected === false ? 'reconnecting' : 'live');
      this.resyncSubject.next();
    } catch {
      // Keep buffering and try again while the socket is still up.
      this._state.set('reconnecting');
      this.retryTimer = setTimeout(() => {
        if (this.socket?.connected) void this.catchUp(this._lastSeq() ?? since);
        else this.catchingUp = false;
      }, CATCH_UP_RETRY_MS);
    }
  }
}
