import Database from 'better-sqlite3';
import type { Contact } from '@contacts/wire-types';

/** What the clients were told: only writes answered 2xx are promised to be there. */
export interface WriteLedger {
  created: Contact[];
  patched: Contact[];
  deleted: number[];
  /** Requests that got no answer (the process died under them): outcome unknown. */
  unanswered: number;
}

export const emptyLedger = (): WriteLedger => ({ created: [], patched: [], deleted: [], unanswered: 0 });

interface ContactRow { id: number; first_name: string; last_name: string; email: string; phone: string; updated_at: string }
interface VersionRow { id: number; contact_id: number; first_name: string; last_name: string; email: string; phone: string; edited_at: string; edited_reason: string }

const FIELDS = ['first_name', 'last_name', 'email', 'phone'] as const;
const sameFields = (a: Record<string, unknown>, b: Record<string, unknown>) => FIELDS.every((f) => a[f] === b[f]);

/**
 * Opens the SQLite file left behind (WAL recovery included) and lists every broken
 * promise or half-written state; an empty list means the database is consistent.
 */
export function auditDatabase(path: string, ledger: WriteLedger): { integrity: string; problems: string[]; contacts: number; versions: number } {
  const db = new Database(path);
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
    const contacts = db.prepare('SELECT * FROM contacts').all() as ContactRow[];
    const versions = db.prepare('SELECT * FROM contact_versions ORDER BY id').all() as VersionRow[];
    const problems: string[] = [];
    const byContact = new Map<number, VersionRow[]>();
    for (const v of versions) byContact.set(v.contact_id, [...(byContact.get(v.contact_id) ?? []), v]);
    const live = new Map(contacts.map((c) => [c.id, c]));

    for (const c of contacts) {
      const latest = byContact.get(c.id)?.at(-1);
      if (!latest) problems.push(`contact ${c.id} has no version`);
      else if (latest.edited_reason === 'deleted') problems.push(`contact ${c.id} exists but its last version says deleted`);
      else if (!sameFields(c as never, latest as never) || c.updated_at !== latest.edited_at) {
        problems.push(`contact ${c.id} disagrees with its last version ${latest.id}`);
      }
    }
    for (const [id, list] of byContact) {
      if (!live.has(id) && list.at(-1)?.edited_reason !== 'deleted') problems.push(`contact ${id} is gone without a deleted version`);
    }
    const hasVersion = (id: number, reason: string, body: Contact) =>
      (byContact.get(id) ?? []).some((v) => v.edited_reason === reason && sameFields(v as never, body as never) && v.edited_at === body.updated_at);
    for (const c of ledger.created) if (!hasVersion(c.id, 'created', c)) problems.push(`acknowledged create ${c.id} has no matching version`);
    for (const c of ledger.patched) if (!hasVersion(c.id, 'updated', c)) problems.push(`acknowledged patch of ${c.id} at ${c.updated_at} is missing`);
    for (const id of ledger.deleted) {
      if (live.has(id)) problems.push(`acknowledged delete of ${id} but the contact is there`);
      if (!(byContact.get(id) ?? []).some((v) => v.edited_reason === 'deleted')) problems.push(`acknowledged delete of ${id} has no version`);
    }
    return { integrity, problems, contacts: contacts.length, versions: versions.length };
  } finally {
    db.close();
  }
}
