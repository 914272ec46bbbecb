import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EditedReason, EditedVia, Editor } from '@contacts/wire-types';
import { sqliteStatement } from '../database/sqlite-statements.js';

/** What the server tells the database's version trigger about the write it is making. */
export interface MutationContext {
  reason: EditedReason;
  via: EditedVia;
  editor: Editor | null;
  /** The change's time: the written row's updated_at, and a deletion's edited_at. */
  at: string;
}

const SET_CONTEXT = `INSERT OR REPLACE INTO mutation_context (id, edited_reason, edited_via, edited_by_id, edited_by_name, edited_at)
  VALUES (1, ?, ?, ?, ?, ?)`;

/**
 * The server's side of the contacts triggers (the migrations "database guards"): inside a
 * write transaction, before the contact write, it states why and by whom, so the one
 * version the trigger writes carries that instead of `edited_via: 'database'`.
 * PostgreSQL: transaction-local settings, gone at commit or rollback. SQLite: the one-row
 * `mutation_context` table, cleared again before commit (writers hold the write lock, so
 * no other connection ever sees it).
 */
@Injectable()
export class MutationContextRepository {
  async set(manager: EntityManager, context: MutationContext): Promise<void> {
    const values = [context.reason, context.via, context.editor ? String(context.editor.id) : '', context.editor?.name ?? '', context.at];
    if (isPostgres(manager)) {
      await manager.query(
        `SELECT set_config('contacts.edited_reason', $1, true), set_config('contacts.edited_via', $2, true),
          set_config('contacts.edited_by_id', $3, true), set_config('contacts.edited_by_name', $4, true),
          set_config('contacts.edited_at', $5, true)`,
        values,
      );
      return;
    }
    sqliteStatement(manager, SET_CONTEXT)!.run(context.reason, context.via, context.editor?.id ?? null, context.editor?.name ?? null, context.at);
  }

  /** After the contact write, before commit. On PostgreSQL the settings end with the transaction by themselves. */
  async clear(manager: EntityManager): Promise<void> {
    if (!isPostgres(manager)) sqliteStatement(manager, 'DELETE FROM mutation_context')!.run();
  }
}

function isPostgres(manager: EntityManager): boolean {
  return manager.connection.options.type === 'postgres';
}
