import { Injectable } from '@nestjs/common';
import { type DrainableWork, WorkInFlight } from '../lifecycle/work-in-flight.js';

/** Creates waiting out their delay: graceful shutdown lets them finish before closing. */
@Injectable()
export class PendingCreates implements DrainableWork {
  readonly name = 'pending creates';
  private readonly pending = new Set<Promise<unknown>>();

  constructor(inFlight: WorkInFlight) {
    inFlight.register(this);
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const forget = () => this.pending.delete(work);
    work.then(forget, forget);
    return work;
  }

  get size(): number {
    return this.pending.size;
  }

  /** Resolves when every pending create has finished, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled([...this.pending]), timeout]);
    clearTimeout(timer);
  }
}
