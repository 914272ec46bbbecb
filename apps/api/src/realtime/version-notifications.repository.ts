import { Inject, Injectable, Logger } from '@nestjs/common';
import pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CONTACTS_CHANGES_CHANNEL } from '../database/migrations/postgres-database-guards.migration.js';

const RECONNECT_MS = 1000;

export interface VersionNotificationHandlers {
  /** A version committed (payload: its id, the seq). */
  onVersion(seq: number): void;
  /** Listening (again): notifications sent while not listening are lost, so look for them. */
  onListening(): void;
}

export interface VersionListener {
  /** True while notifications are being received. */
  readonly listening: boolean;
  close(): Promise<void>;
}

/**
 * PostgreSQL's version trigger NOTIFYs every committed version on `contacts_changes`,
 * whoever wrote it (this server, another replica, psql). This listens on a dedicated
 * connection (a pooled one cannot hold a LISTEN), reconnecting whenever it is lost.
 */
@Injectable()
export class VersionNotificationsRepository {
  private readonly logger = new Logger(VersionNotificationsRepository.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Only PostgreSQL notifies; SQLite's signal is data_version. */
  get available(): boolean {
    return this.config.database.kind === 'postgres';
  }

  listen(handlers: VersionNotificationHandlers): VersionListener {
    const database = this.config.database;
    if (database.kind !== 'postgres') throw new Error('version notifications need PostgreSQL');
    let client: pg.Client | null = null;
    let closed = false;
    let retry: NodeJS.Timeout | undefined;
    const state = { listening: false };

    const lost = (why: string) => {
      if (!state.listening && !client) return;
      state.listening = false;
      const dead = client;
      client = null;
      dead?.end().catch(() => undefined);
      if (!closed) {
        this.logger.warn(`lost the ${CONTACTS_CHANGES_CHANNEL} listener (${why}); reconnecting`);
        schedule();
      }
    };
    const schedule = () => {
      clearTimeout(retry);
      retry = setTimeout(() => void connect(), RECONNECT_MS);
      retry.unref();
    };
    const connect = async () => {
      if (closed) return;
      const next = new pg.Client({ connectionString: database.url, keepAlive: true });
      next.on('notification', (message) => {
        const seq = Number(message.payload);
        if (message.channel === CONTACTS_CHANGES_CHANNEL && Number.isSafeInteger(seq)) handlers.onVersion(seq);
      });
      next.on('error', (error) => lost(error.message));
      next.on('end', () => lost('connection ended'));
      try {
        client = next;
        await next.connect();
        await next.query(`LISTEN ${CONTACTS_CHANGES_CHANNEL}`);
      } catch (error) {
        client = null;
        next.end().catch(() => undefined);
        if (!closed) schedule();
        this.logger.debug(`listener connect failed: ${String(error)}`);
        return;
      }
      if (closed) {
        await next.end().catch(() => undefined);
        return;
      }
      state.listening = true;
      handlers.onListening();
    };

    void connect();
    return {
      get listening() {
        return state.listening;
      },
      close: async () => {
        closed = true;
        clearTimeout(retry);
        state.listening = false;
        const last = client;
        client = null;
        await last?.end().catch(() => undefined);
      },
    };
  }
}
