import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Server } from 'node:http';
import type { AppConfig } from '../config/app-config.js';
import { ShutdownGate } from './shutdown-gate.js';
import { WorkInFlight } from './work-in-flight.js';

/** Time for answers already computed to leave, and for Nest's own close, after the drain. */
const FLUSH_MS = 5_000;
const CLOSE_MS = 15_000;

export interface ProcessControl {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  exit(code: number): void;
}

/**
 * SIGTERM/SIGINT: stop taking requests, let the work in flight that features registered
 * finish (pending creates: their clients are still waiting for the 201), then close
 * sockets, Redis, Bull and the database (SQLite checkpoints its WAL on close), exit 0.
 * Replaces Nest's enableShutdownHooks, which closes the database without waiting and
 * re-raises the signal (exit status "SIGTERM" instead of 0).
 */
export class GracefulShutdown {
  private readonly logger = new Logger('Shutdown');
  private running: Promise<void> | null = null;

  constructor(
    private readonly app: NestFastifyApplication,
    private readonly config: AppConfig,
    private readonly proc: ProcessControl = process,
  ) {}

  install(signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): void {
    for (const signal of signals) {
      this.proc.on(signal, (received) => {
        // A second signal while draining: the operator wants out now.
        if (this.running) {
          this.logger.warn(`${received} again: exiting without waiting`);
          this.proc.exit(1);
          return;
        }
        this.running = this.run(received);
      });
    }
  }

  async run(signal: string): Promise<void> {
    const gate = this.app.get(ShutdownGate);
    const pending = this.app.get(WorkInFlight);
    const server = this.app.getHttpServer() as Server;
    this.logger.log(`${signal}: draining (${pending.describe()}, grace ${this.config.shutdownGraceMs} ms)`);
    gate.close();
    server.close(); // no new connections; the callback is Nest's business
    server.closeIdleConnections();
    try {
      await pending.drain(this.config.shutdownGraceMs);
      if (pending.size > 0) this.logger.warn(`still in flight after the grace period: ${pending.describe()}`);
      await gate.idle(FLUSH_MS);
      server.closeAllConnections(); // HTTP only; WebSockets are upgraded and closed by their servers
      await withTimeout(this.app.close(), CLOSE_MS);
      this.logger.log('closed cleanly');
      this.proc.exit(0);
    } catch (error) {
      this.logger.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
      this.proc.exit(1);
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`close took over ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
