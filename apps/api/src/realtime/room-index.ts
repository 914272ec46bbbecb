/**
 * Members by room and rooms by member: the plain WebSocket server's version of Socket.IO's
 * in-memory adapter, so both transports address connections by the same room names.
 */
export class RoomIndex<M> {
  private readonly members = new Map<string, Set<M>>();
  private readonly roomsByMember = new Map<M, Set<string>>();

  join(member: M, rooms: Iterable<string>): void {
    let own = this.roomsByMember.get(member);
    if (!own) this.roomsByMember.set(member, (own = new Set()));
    for (const room of rooms) {
      own.add(room);
      let set = this.members.get(room);
      if (!set) this.members.set(room, (set = new Set()));
      set.add(member);
    }
  }

  leave(member: M, room: string): void {
    this.roomsByMember.get(member)?.delete(room);
    this.dropFromRoom(member, room);
  }

  leaveAll(member: M): void {
    const own = this.roomsByMember.get(member);
    if (!own) return;
    this.roomsByMember.delete(member);
    for (const room of own) this.dropFromRoom(member, room);
  }

  /** The members of any of `rooms` and of none of `except`, each once. */
  inAny(rooms: readonly string[], except: readonly string[] = []): Iterable<M> {
    const sets = this.setsOf(rooms);
    const excluded = this.setsOf(except);
    // One room (the usual case for targeted changes) needs no copy.
    if (sets.length <= 1 && excluded.length === 0) return sets[0] ?? [];
    const union = new Set<M>();
    for (const set of sets) for (const member of set) if (!excluded.some((out) => out.has(member))) union.add(member);
    return union;
  }

  /** A snapshot: callers may change the index (close, leave) while walking it. */
  in(room: string): M[] {
    return [...(this.members.get(room) ?? [])];
  }

  roomsOf(member: M): ReadonlySet<string> {
    return this.roomsByMember.get(member) ?? new Set();
  }

  get size(): number {
    return this.roomsByMember.size;
  }

  private setsOf(rooms: readonly string[]): Set<M>[] {
    return rooms.map((room) => this.members.get(room)).filter((set): set is Set<M> => set !== undefined && set.size > 0);
  }

  private dropFromRoom(member: M, room: string): void {
    const set = this.members.get(room);
    if (!set) return;
    set.delete(member);
    if (set.size === 0) this.members.delete(room);
  }
}
