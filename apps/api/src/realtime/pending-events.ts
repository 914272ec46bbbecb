import type { ContactEvent } from '@contacts/wire-types';

/**
 * The hub's bookkeeping: a contiguous floor (every seq at or below it has gone out, or
 * never existed) and the few events that arrived ahead of their turn, sorted by seq.
 * Delivery is in seq order, so nothing above the floor has gone out yet: the floor alone
 * says what was delivered, and the held list only lives as long as a gap does.
 */
export class PendingEvents {
  private readonly held: ContactEvent[] = [];

  constructor(private floor = 0) {}

  get watermark(): number {
    return this.floor;
  }

  get size(): number {
    return this.held.length;
  }

  /** The lowest seq waiting for an earlier one. */
  get first(): ContactEvent | undefined {
    return this.held[0];
  }

  /** Keeps an event for later; false when it is already out or already held. */
  hold(event: ContactEvent): boolean {
    const seq = event.seq;
    if (seq <= this.floor) return false;
    // Events mostly come in ascending order: look from the end.
    let i = this.held.length;
    while (i > 0 && this.held[i - 1].seq > seq) i--;
    if (i > 0 && this.held[i - 1].seq === seq) return false;
    this.held.splice(i, 0, event);
    return true;
  }

  /** The held event whose turn it is (seq = floor + 1), taken out; the floor moves onto it. */
  takeNext(): ContactEvent | undefined {
    this.dropDelivered();
    const next = this.held[0];
    if (next?.seq !== this.floor + 1) return undefined;
    this.held.shift();
    this.floor = next.seq;
    return next;
  }

  /** Everything up to `seq` has gone out or never will. */
  advanceTo(seq: number): void {
    if (seq > this.floor) this.floor = seq;
    this.dropDelivered();
  }

  /** The event held for `seq`, if any (it stays held). */
  heldAt(seq: number): ContactEvent | undefined {
    return seq > this.floor ? this.held.find((e) => e.seq === seq) : undefined;
  }

  /** Forgets a held event the history does not know (never trust the wire). */
  discard(seq: number): void {
    const i = this.held.findIndex((e) => e.seq === seq);
    if (i >= 0) this.held.splice(i, 1);
  }

  private dropDelivered(): void {
    let n = 0;
    while (n < this.held.length && this.held[n].seq <= this.floor) n++;
    if (n > 0) this.held.splice(0, n);
  }
}
