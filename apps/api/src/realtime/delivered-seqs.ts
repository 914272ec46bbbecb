/**
 * Which events this process has already handed to its clients, so an event that arrives
 * twice (live from Redis and again from the database sweep, or its own echo) goes out once.
 * Everything at or below `floor` counts as delivered; above it, an explicit set.
 */
export class DeliveredSeqs {
  private readonly above = new Set<number>();

  constructor(
    private floor = 0,
    private readonly maxTracked = 10_000,
  ) {}

  get watermark(): number {
    return this.floor;
  }

  /** True the first time `seq` is seen (the caller delivers it), false afterwards. */
  claim(seq: number): boolean {
    if (seq <= this.floor || this.above.has(seq)) return false;
    this.above.add(seq);
    if (this.above.size > this.maxTracked) this.raiseFloor(Math.min(...this.above));
    return true;
  }

  /** Everything up to `seq` has been delivered (or will never be): forget the details. */
  raiseFloor(seq: number): void {
    if (seq <= this.floor) return;
    this.floor = seq;
    for (const s of this.above) if (s <= seq) this.above.delete(s);
  }
}
