import { TestBed } from '@angular/core/testing';
import { Subject, of, throwError, type Observable } from 'rxjs';
import type { ChangesPage, ContactEvent } from '@contacts/wire-types';
import { ContactsApiService } from '../contacts/contacts-api.service';
import { CONTACTS_SOCKET_FACTORY, type ContactsSocket } from './contact-socket';
import { ContactEventsService } from './contact-events.service';
import { testContact } from '../testing/contact-fixtures';

type Handler = (...args: unknown[]) => void;

/** Just enough of a socket.io-client Socket to drive the service. */
class FakeSocket {
  connected = false;
  /** socket.io-client: false after the server refused the handshake (it will not retry by itself). */
  active: boolean | undefined = undefined;
  private readonly handlers = new Map<string, Handler[]>();
  on(name: string, fn: Handler): this {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), fn]);
    return this;
  }
  connect(): this {
    return this;
  }
  disconnect(): this {
    return this;
  }
  fire(name: string, ...args: unknown[]): void {
    if (name === 'connect') this.connected = true;
    if (name === 'disconnect') this.connected = false;
    for (const fn of this.handlers.get(name) ?? []) fn(...args);
  }
}

const contact = testContact;
const updated = (id: number, seq: number): ContactEvent => ({ type: 'contact.updated', contact: contact(id), seq, edited_by: null, address_book: 1 });

describe('ContactEventsService', () => {
  let socket: FakeSocket;
  let changes: ReturnType<typeof vi.fn<(since: number) => Observable<ChangesPage>>>;
  let service: ContactEventsService;
  let seen: number[];
  let resyncs: number;

  beforeEach(() => {
    socket = new FakeSocket();
    changes = vi.fn<(since: number) => Observable<ChangesPage>>();
    TestBed.configureTestingModule({
      providers: [
        { provide: CONTACTS_SOCKET_FACTORY, useValue: () => socket as unknown as ContactsSocket },
        { provide: ContactsApiService, useValue: { changes } },
      ],
    });
    service = TestBed.inject(ContactEventsService);
    seen = [];
    resyncs = 0;
    service.events$.subscribe((e) => seen.push(e.seq));
    service.resync$.subscribe(() => resyncs++);
    service.start();
  });

  it('goes live on the first connect and tracks the highest seq', () => {
    expect(service.state()).toBe('connecting');
    socket.fire('connect');
    expect(service.state()).toBe('live');
    socket.fire('contact.updated', updated(1, 5));
    socket.fire('contact.deleted', { type: 'contact.deleted', contact_id: 1, seq: 6, edited_by: null, address_book: 1 });
    expect(seen).toEqual([5, 6]);
    expect(service.lastSeq()).toBe(6);
    expect(changes).not.toHaveBeenCalled();
  });

  it('drops duplicate seqs', () => {
    socket.fire('connect');
    socket.fire('contact.updated', updated(1, 5));
    socket.fire('contact.updated', updated(1, 5));
    expect(seen).toEqual([5]);
  });

  it('after a reconnect replays the changes feed page by page, then buffered live events, then goes live', async () => {
    socket.fire('connect');
    socket.fire('contact.updated', updated(1, 10));
    socket.fire('disconnect', 'transport close');
    expect(service.state()).toBe('reconnecting');

    const firstPage = new Subject<ChangesPage>();
    changes.mockImplementation((since: number) => {
      if (since === 10) return firstPage;
      if (since === 12) return of({ results: [updated(3, 13)], last_seq: 13 });
      return of({ results: [], last_seq: since });
    });
    socket.fire('connect');
    expect(service.state()).toBe('catching-up');
    // A live event during catch-up waits until the missed ones are applied.
    socket.fire('contact.updated', updated(4, 14));
    expect(seen).toEqual([10]);

    firstPage.next({ results: [updated(1, 11), updated(2, 12)], last_seq: 12 });
    firstPage.complete();
    await vi.waitFor(() => expect(service.state()).toBe('live'));

    expect(changes.mock.calls.map((c) => c[0])).toEqual([10, 12, 13]);
    expect(seen).toEqual([10, 11, 12, 13, 14]);
    expect(service.lastSeq()).toBe(14);
    expect(resyncs).toBe(1);
  });

  it('does not deliver a buffered live event twice when the feed also returned it', async () => {
    socket.fire('connect');
    socket.fire('contact.updated', updated(1, 1));
    socket.fire('disconnect', 'transport close');
    const page = new Subject<ChangesPage>();
    changes.mockImplementation((since: number) => (since === 1 ? page : of({ results: [], last_seq: since })));
    socket.fire('connect');
    socket.fire('contact.updated', updated(2, 2));
    page.next({ results: [updated(2, 2)], last_seq: 2 });
    page.complete();
    await vi.waitFor(() => expect(service.state()).toBe('live'));
    expect(seen).toEqual([1, 2]);
  });

  it('runs one catch-up loop when the socket reconnects during a catch-up, then continues from the latest seq', async () => {
    socket.fire('connect');
    socket.fire('contact.updated', updated(1, 10));
    socket.fire('disconnect', 'transport close');
    const firstPage = new Subject<ChangesPage>();
    changes.mockImplementation((since: number) => {
      if (since === 10) return firstPage;
      if (since === 12) return of({ results: [updated(3, 13)], last_seq: 13 });
      return of({ results: [], last_seq: since });
    });
    socket.fire('connect');
    socket.fire('contact.updated', updated(4, 14));
    // The connection drops and comes back while the first page is still loading.
    socket.fire('disconnect', 'transport close');
    socket.fire('connect');
    socket.fire('contact.updated', updated(5, 15));
    expect(changes).toHaveBeenCalledTimes(1);
    expect(service.state()).toBe('catching-up');

    firstPage.next({ results: [updated(1, 11), updated(2, 12)], last_seq: 12 });
    firstPage.complete();
    await vi.waitFor(() => expect(service.state()).toBe('live'));

    // One loop: it went on from the newest seq instead of a second loop replaying from 10.
    expect(changes.mock.calls.map((c) => c[0])).toEqual([10, 12, 13]);
    expect(seen).toEqual([10, 11, 12, 13, 14, 15]);
    expect(service.lastSeq()).toBe(15);
    expect(resyncs).toBe(1);
    socket.fire('contact.updated', updated(6, 16));
    expect(seen.at(-1)).toBe(16);
  });

  it('does not let a failed loop\'s retry start a second catch-up after a reconnect already caught up', async () => {
    vi.useFakeTimers();
    try {
      socket.fire('connect');
      socket.fire('contact.updated', updated(1, 3));
      socket.fire('disconnect', 'transport close');
      const failing = new Subject<ChangesPage>();
      changes.mockReturnValueOnce(failing);
      changes.mockReturnValue(of({ results: [], last_seq: 3 }));
      socket.fire('connect');
      socket.fire('disconnect', 'transport close');
      socket.fire('connect');
      failing.error(new Error('down'));
      await vi.advanceTimersByTimeAsync(0);
      await vi.advanceTimersByTimeAsync(2500);
      expect(service.state()).toBe('live');
      // The failed request, then exactly one successful replay; no stray retry afterwards.
      expect(changes).toHaveBeenCalledTimes(2);
      expect(resyncs).toBe(1);
      await vi.advanceTimersByTimeAsync(5000);
      expect(changes).toHaveBeenCalledTimes(2);
      expect(service.state()).toBe('live');
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks views to resync after a reconnect when no seq was ever seen', () => {
    socket.fire('connect');
    socket.fire('disconnect', 'transport close');
    socket.fire('connect');
    expect(changes).not.toHaveBeenCalled();
    expect(resyncs).toBe(1);
    expect(service.state()).toBe('live');
  });

  it('stays out of "live" while the catch-up request fails', async () => {
    vi.useFakeTimers();
    try {
      socket.fire('connect');
      socket.fire('contact.updated', updated(1, 3));
      socket.fire('disconnect', 'transport close');
      changes.mockReturnValueOnce(throwError(() => new Error('down')));
      changes.mockReturnValue(of({ results: [], last_seq: 3 }));
      socket.fire('connect');
      await vi.advanceTimersByTimeAsync(0);
      expect(service.state()).toBe('reconnecting');
      await vi.advanceTimersByTimeAsync(2500);
      expect(service.state()).toBe('live');
      expect(changes).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
  it('passes address_book.shared / .unshared on as book events, at once and without a seq', () => {
    const seenBooks: string[] = [];
    service.bookEvents$.subscribe((e) => seenBooks.push(e.type));
    socket.fire('connect');
    socket.fire('address_book.shared', {
      type: 'address_book.shared',
      address_book: { id: 7, name: 'Family', owner: { id: 1, name: 'Ada' }, role: 'editor', contact_count: 0, created_at: '' },
    });
    socket.fire('address_book.unshared', { type: 'address_book.unshared', address_book_id: 7 });
    expect(seenBooks).toEqual(['address_book.shared', 'address_book.unshared']);
    expect(seen).toEqual([]);
  });

  it('a refused handshake ("unauthorized") reports the session as gone and waits; resume() connects again', () => {
    let refusals = 0;
    service.unauthorized$.subscribe(() => refusals++);
    const connect = vi.spyOn(socket, 'connect');
    socket.fire('connect');
    // The server closes the connection (sign-out elsewhere): the service tries once more…
    socket.fire('disconnect', 'io server disconnect');
    expect(connect).toHaveBeenCalledTimes(1);
    // …and the server refuses it.
    socket.fire('connect_error', new Error('unauthorized'));
    expect(service.state()).toBe('signed-out');
    expect(refusals).toBe(1);
    // Other connection errors are just "reconnecting".
    socket.fire('connect_error', new Error('xhr poll error'));
    expect(refusals).toBe(1);
    expect(service.state()).toBe('reconnecting');
    service.resume();
    expect(connect).toHaveBeenCalledTimes(2);
  });
  it('a handshake the server could not check ("unavailable") is tried again a little later', async () => {
    vi.useFakeTimers();
    try {
      const connect = vi.spyOn(socket, 'connect');
      socket.active = false;
      socket.fire('connect_error', new Error('unavailable'));
      expect(service.state()).toBe('connecting');
      await vi.advanceTimersByTimeAsync(2900);
      expect(connect).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(200);
      expect(connect).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('passes import progress on (no seq, not part of the change feed)', () => {
    const heard: string[] = [];
    service.importProgress$.subscribe((e) => heard.push(`${e.import.id}:${e.import.processed}`));
    socket.fire('connect');
    socket.fire('import.progress', { type: 'import.progress', import: { id: 'j1', status: 'running', total: 2, processed: 1, created: 1, updated: 0, skipped: [] } });
    expect(heard).toEqual(['j1:1']);
    expect(seen).toEqual([]);
  });
});
