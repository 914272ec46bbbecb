import { DUPLICATE_REASONS, type DuplicateReason } from '@contacts/wire-types';
import { emailKey, emailLocalKey, emailsOf, type Matchable, type MatchKind, phoneKey, phonesOf, samePhone, similarNames } from './match-keys.js';

export interface KeyBucket {
  kind: MatchKind;
  key: string;
  ids: number[];
}
export interface SuggestedGroup {
  ids: number[];
  reasons: DuplicateReason[];
}

/** A bucket with more members is skipped: a switchboard number or a very common name says nothing. */
export const MAX_BUCKET_SIZE = 25;

const REASON_OF_KIND: Readonly<Record<MatchKind, DuplicateReason>> = {
  email: 'same email',
  phone: 'same phone',
  name: 'same name',
  local: 'similar email',
};

/** Whether two contacts of one bucket really match the way the bucket's kind says. */
function matches(kind: MatchKind, key: string, a: Matchable, b: Matchable): boolean {
  switch (kind) {
    case 'name':
      return true;
    case 'email': {
      const has = (contact: Matchable) => emailsOf(contact).some((email) => emailKey(email) === key);
      return has(a) && has(b);
    }
    case 'phone': {
      // The bucket is the last digits only: the numbers sharing them must still be the same number.
      const numbers = (contact: Matchable) => phonesOf(contact).filter((phone) => phoneKey(phone) === key);
      const numbersOfB = numbers(b);
      return numbers(a).some((phone) => numbersOfB.some((other) => samePhone(phone, other)));
    }
    case 'local': {
      // One address in both is 'same email' already: 'similar email' means two addresses with one user name.
      const addresses = (contact: Matchable) => emailsOf(contact).filter((email) => emailLocalKey(email) === key).map(emailKey);
      const addressesOfB = addresses(b);
      const twoAddresses = addresses(a).some((address) => addressesOfB.some((other) => other !== address));
      return twoAddresses && similarNames(a, b);
    }
  }
}

/** Union-find over contact ids, each set remembering why its members were joined. */
class Components {
  private readonly parent = new Map<number, number>();
  private readonly reasons = new Map<number, Set<DuplicateReason>>();

  private root(id: number): number {
    let root = id;
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root)) root = up;
    // Path compression keeps later look-ups short.
    for (let node = id; node !== root; ) {
      const up = this.parent.get(node) as number;
      this.parent.set(node, root);
      node = up;
    }
    return root;
  }

  join(a: number, b: number, reason: DuplicateReason): void {
    for (const id of [a, b]) if (!this.parent.has(id)) this.parent.set(id, id);
    const rootA = this.root(a);
    const rootB = this.root(b);
    const kept = Math.min(rootA, rootB);
    const merged = Math.max(rootA, rootB);
    const reasons = this.reasons.get(kept) ?? new Set<DuplicateReason>();
    reasons.add(reason);
    if (kept !== merged) {
      this.parent.set(merged, kept);
      for (const other of this.reasons.get(merged) ?? []) reasons.add(other);
      this.reasons.delete(merged);
    }
    this.reasons.set(kept, reasons);
  }

  groups(): SuggestedGroup[] {
    const members = new Map<number, number[]>();
    for (const id of this.parent.keys()) {
      const root = this.root(id);
      const ids = members.get(root);
      if (ids) ids.push(id);
      else members.set(root, [id]);
    }
    return [...members].map(([root, ids]) => {
      const reasons = this.reasons.get(root) ?? new Set<DuplicateReason>();
      return { ids: ids.sort((x, y) => x - y), reasons: DUPLICATE_REASONS.filter((reason) => reasons.has(reason)) };
    });
  }
}

/** Buckets (≥ 2 ids, one book) → groups: pairs verified per kind ('email': same email; 'phone': samePhone of some
 *  phone of each; 'name': always; 'local': similarNames), buckets with more than MAX_BUCKET_SIZE (25) ids skipped
 *  (a switchboard number or a very common name says nothing), connected components (union-find), ids ascending,
 *  reasons in DUPLICATE_REASONS order. Groups ordered by reasons.length desc, then smallest id.
 *  Ids of a bucket that are not in `contacts` (deleted since the keys were read) take no part, and the size limit
 *  counts the members that are. A 'local' pair also needs two different addresses: one address in both is
 *  'same email' already. A pair in `dismissed` (`low:high` ids, the user said they are not the same person) is
 *  never joined. */
export function groupDuplicates(buckets: KeyBucket[], contacts: ReadonlyMap<number, Matchable>, dismissed: ReadonlySet<string> = new Set()): SuggestedGroup[] {
  const components = new Components();
  for (const { kind, key, ids } of buckets) {
    const members = [...new Set(ids)].filter((id) => contacts.has(id));
    if (members.length < 2 || members.length > MAX_BUCKET_SIZE) continue;
    const reason = REASON_OF_KIND[kind];
    for (let i = 0; i < members.length; i++) {
      const a = contacts.get(members[i]) as Matchable;
      for (let j = i + 1; j < members.length; j++) {
        if (dismissed.has(pairKey(members[i], members[j]))) continue;
        if (matches(kind, key, a, contacts.get(members[j]) as Matchable)) components.join(members[i], members[j], reason);
      }
    }
  }
  return components
    .groups()
    .sort((x, y) => y.reasons.length - x.reasons.length || x.ids[0] - y.ids[0]);
}

/** How a pair of contacts is named in a dismissal: the lower id first. */
export function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}
