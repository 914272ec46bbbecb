import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseRepository } from './database.repository.js';

describe('DatabaseRepository.prepareSqliteWriter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'contacts-writer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sets a writer connection to WAL, foreign keys, the busy timeout and statement journals in memory', () => {
    const db = new Database(join(dir, 'writer.sqlite3'));
    try {
      DatabaseRepository.prepareSqliteWriter(db, 1234);
      const value = (pragma: string) => db.pragma(pragma, { simple: true });
      expect({
        journal_mode: value('journal_mode'),
        synchronous: value('synchronous'),
        foreign_keys: value('foreign_keys'),
        busy_timeout: value('busy_timeout'),
        temp_store: value('temp_store'),
      }).toEqual({ journal_mode: 'wal', synchronous: 1, foreign_keys: 1, busy_timeout: 1234, temp_store: 2 });
    } finally {
      db.close();
    }
  });
});
