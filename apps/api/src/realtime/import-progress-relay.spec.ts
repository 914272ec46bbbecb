import type { ImportJob } from '@contacts/wire-types';
import { decodeImportProgress, progressRooms } from './import-progress-relay.js';

const job: ImportJob = { id: '0b6e4f1c-9a8e-4d5e-9f3b-1c2d3e4f5a6b', status: 'running', total: 3, processed: 1, created: 0, updated: 0, skipped: [{ index: 0, name: 'A', errors: { email: ['x'] } }] };

describe('import progress between replicas', () => {
  it('passes on what a replica sent', () => {
    for (const user_id of [5, null]) {
      const message = { user_id, event: { type: 'import.progress', import: job } };
      expect(decodeImportProgress(JSON.parse(JSON.stringify(message)))).toEqual(message);
    }
  });

  it('drops anything malformed: it decides whose connections get it', () => {
    const event = { type: 'import.progress', import: job };
    for (const message of [
      null, 'x', { event }, { user_id: 0, event }, { user_id: '5', event }, { user_id: 5, event: { ...event, type: 'contact.created' } },
      { user_id: 5, event: { ...event, import: { ...job, status: 'paused' } } },
      { user_id: 5, event: { ...event, import: { ...job, processed: -1 } } },
      { user_id: 5, event: { ...event, import: { ...job, skipped: [{ index: 0, name: 'A' }] } } },
    ]) {
      expect(decodeImportProgress(message)).toBeNull();
    }
  });

  it('goes to the importing user, or without an account to the unrestricted connections', () => {
    expect(progressRooms(5)).toEqual(['user:5']);
    expect(progressRooms(null)).toEqual(['all']);
  });
});
