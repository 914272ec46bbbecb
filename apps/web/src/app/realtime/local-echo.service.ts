import { Injectable } from '@angular/core';
import type { Contact, ContactEvent } from '@contacts/wire-types';

/** How long a record of our own mutation is kept to recognise its echo. */
const TTL_MS = 30_000;

/**
 * Remembers mutations made from this tab so their realtime echo is not announced as a change
 * "made elsewhere". Matching is precise (id + updated_at, or the create's email) rather than
 * time-based, so a genuine external edit right after ours is still reported.
 */
@Injectable({ providedIn: 'root' })
export class LocalEchoService {
  private readonly pendingEmails = new Map<string, number>();
  private readonly inFlight = new Map<number, number>();
  private readonly stamps = new Map<string, number>();
  private readonly deletes = new Map<number, number>();
  /** Books an import from this tab is writing into (null: the server's default book), with how many imports. */
  private readonly importing = new Map<number | null, number>();

  /** A create from this tab is in flight (its id is unknown until the server answers). */
  beginCreate(email: string): () => void {
    const key = email.trim().toLowerCase();
    this.pendingEmails.set(key, (this.pendingEmails.get(key) ?? 0) + 1);
    return () => {
      // Keep the email a little longer: the event can arrive just after the HTTP answer.
      setTimeout(() => {
        const n = (this.pendingEmails.get(key) ?? 1) - 1;
        if (n <= 0) this.pendingEmails.delete(key);
        else this.pendingEmails.set(key, n);
      }, 2000);
    };
  }

  /** A mutation of contact `id` is in flight; call the returned function when it settles. */
  begin(id: number): () => void {
    this.inFlight.set(id, (this.inFlight.get(id) ?? 0) + 1);
    return () => {
      const n = (this.inFlight.get(id) ?? 1) - 1;
      if (n <= 0) this.inFlight.delete(id);
      else this.inFlight.set(id, n);
    };
  }

  /** The server's answer to our mutation: its event carries the same id and updated_at. */
  recordResult(contact: Contact): void {
    this.prune();
    this.stamps.set(stamp(contact), Date.now());
  }

  recordDelete(id: number): void {
    this.prune();
    this.deletes.set(id, Date.now());
  }

  /**
   * An import from this tab is writing into `book` (null: the default book, AUTH=none's only
   * one): its many created/updated events are its own echo, summed up by the import, not a
   * change made elsewhere. Call the returned function when the import has ended.
   */
  beginImport(book: number | null): () => void {
    this.importing.set(book, (this.importing.get(book) ?? 0) + 1);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      // The last cards' events may trail the import's final progress a little.
      setTimeout(() => {
        const n = (this.importing.get(book) ?? 1) - 1;
        if (n <= 0) this.importing.delete(book);
        else this.importing.set(book, n);
      }, 3000);
    };
  }

  /** A create or update in a book an import from this tab is writing into. */
  isImportEcho(event: ContactEvent): boolean {
    if (event.type === 'contact.deleted' || !this.importing.size) return false;
    return this.importing.has(null) || this.importing.has(event.address_book);
  }

  isLocal(event: ContactEvent): boolean {
    if (event.type === 'contact.deleted') {
      return this.inFlight.has(event.contact_id) || this.deletes.has(event.contact_id);
    }
    const c = event.contact;
    if (this.inFlight.has(c.id) || this.stamps.has(stamp(c))) return true;
    return event.type === 'contact.created' && this.pendingEmails.has(c.email.trim().toLowerCase());
  }

  private prune(): void {
    const cutoff = Date.now() - TTL_MS;
    for (const [k, t] of this.stamps) if (t < cutoff) this.stamps.delete(k);
    for (const [k, t] of this.deletes) if (t < cutoff) this.deletes.delete(k);
  }
}

function stamp(c: Contact): string {
  return `${c.id}@${c.updated_at}`;
}
