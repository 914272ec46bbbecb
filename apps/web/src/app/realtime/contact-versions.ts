import type { Contact, ContactEvent } from '@contacts/wire-types';

/** The newest version of one contact a view has shown, from events and HTTP answers. */
interface KnownVersion {
  /** Highest event `seq` (a version id) applied for this contact, if any. */
  seq?: number;
  /** `updated_at` of the version shown; for a deleted contact, of the row as it was when deleted. */
  at?: number;
  /** `at` came from an HTTP answer (no seq), possibly newer than the event at `seq`. */
  atFromRow: boolean;
  deleted: boolean;
  /** The deletion is the event at `seq` (not only our own DELETE's 204, which has no seq). */
  deletedBySeq: boolean;
  contact?: Contact;
}

/** Enough for any page plus recent events; the oldest entries go first. */
const LIMIT = 5000;

/**
 * Remembers, per contact id, the newest version a view has applied, so a late event (the catch-up
 * feed, a replica's poller or a slow socket can deliver one after a newer one) or a GET answer
 * that left the server before the latest change never overwrites a newer row or brings a deleted
 * contact back. Events compare by `seq`, which follows commit order exactly (replica clocks may
 * not); HTTP answers carry no seq, so they compare by `updated_at`. A restore writes a new version
 * (a later seq and updated_at), so it passes.
 */
export class ContactVersions {
  private readonly known = new Map<number, KnownVersion>();

  /** Records the event and says whether to apply it (false: something newer is already shown). */
  acceptEvent(event: ContactEvent): boolean {
    const id = event.type === 'contact.deleted' ? event.contact_id : event.contact.id;
    const at = event.type === 'contact.deleted' ? undefined : time(event.contact.updated_at);
    const k = this.known.get(id);
    if (k && this.eventIsOlder(k, event.seq, at)) return false;
    if (event.type === 'contact.deleted') {
      this.set(id, { seq: event.seq, at: k?.at, atFromRow: false, deleted: true, deletedBySeq: true });
    } else {
      this.set(id, { seq: event.seq, at, atFromRow: false, deleted: false, deletedBySeq: false, contact: event.contact });
    }
    return true;
  }

  /**
   * A contact from an HTTP answer (list page, PATCH, create, restore): returns the version to
   * show — this one, the newer one an event already brought, or null when it was deleted since.
   */
  acceptRow(row: Contact): Contact | null {
    const k = this.known.get(row.id);
    const at = time(row.updated_at);
    if (k?.at !== undefined) {
      if (k.deleted && at <= k.at) return null;
      if (!k.deleted && at < k.at) return k.contact ?? row;
    }
    // The same version an event brought stays ordered by seq; only a newer row outranks later seqs.
    const atFromRow = !k || k.atFromRow || k.deleted || k.at === undefined || at > k.at;
    this.set(row.id, { seq: k?.seq, at, atFromRow, deleted: false, deletedBySeq: false, contact: row });
    return row;
  }

  /** Our own DELETE succeeded; its event (with the seq) may come before or after this. */
  recordDelete(row: Contact): void {
    const k = this.known.get(row.id);
    if (k?.deleted) return;
    const at = Math.max(k?.at ?? 0, time(row.updated_at));
    this.set(row.id, { seq: k?.seq, at, atFromRow: true, deleted: true, deletedBySeq: false });
  }

  private eventIsOlder(k: KnownVersion, seq: number, at: number | undefined): boolean {
    if (k.seq !== undefined && seq <= k.seq) return true;
    if (k.deleted) {
      // After the delete's own event, any later seq is newer (a restore). After only our DELETE's
      // answer, a delete event is its echo and an update or create must be newer than the row.
      if (k.deletedBySeq || at === undefined) return false;
      return k.at !== undefined && at <= k.at;
    }
    // A later seq than any event applied, but older than a row an HTTP answer showed.
    return k.atFromRow && at !== undefined && k.at !== undefined && at < k.at;
  }

  private set(id: number, version: KnownVersion): void {
    this.known.delete(id);
    this.known.set(id, version);
    if (this.known.size > LIMIT) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
  }
}

function time(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}
