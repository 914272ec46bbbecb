import { Injectable } from '@nestjs/common';

/** Work a feature has accepted and must finish before the process closes (e.g. pending creates). */
export interface DrainableWork {
  /** What it is, for the shutdown log: "pending creates". */
  readonly name: string;
  readonly size: number;
  /** Resolves when all of it has finished, or after `timeoutMs`. */
  drain(timeoutMs: number): Promise<void>;
}

/**
 * The shutdown's hook for work in flight: features register theirs here, so the lifecycle
 * waits for it without knowing any feature.
 */
@Injectable()
export class WorkInFlight {
  private readonly works: DrainableWork[] = [];

  register(work: DrainableWork): void {
    this.works.push(work);
  }

  get size(): number {
    return this.works.reduce((total, work) => total + work.size, 0);
  }

  /** "3 pending creates, 0 imports" (or "nothing in flight"). */
  describe(): string {
    return this.works.length ? this.works.map((work) => `${work.size} ${work.name}`).join(', ') : 'nothing in flight';
  }

  /** Every registered work drained, side by side, within one shared `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    await Promise.all(this.works.map((work) => work.drain(timeoutMs)));
  }
}
