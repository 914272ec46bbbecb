import type { ImportJob } from '@contacts/wire-types';
import { fileProblem, importPercent, importReducer, initialImportState, type ImportAction, type ImportState } from './import-flow';
import { IMPORT_MAX_BYTES } from './import-format';

const vcf = { name: 'contacts.vcf', size: 1200, format: 'vcard' as const };
const job = (fields: Partial<ImportJob> = {}): ImportJob => ({ id: 'j1', status: 'running', total: 10, processed: 0, created: 0, updated: 0, skipped: [], ...fields });
const run = (...actions: ImportAction[]): ImportState => actions.reduce(importReducer, initialImportState());

describe('importReducer (the import dialog’s state machine)', () => {
  it('goes choosing → ready → uploading → running → done', () => {
    expect(run().phase).toBe('choosing');
    expect(run({ type: 'choose', file: vcf }).phase).toBe('ready');
    expect(run({ type: 'choose', file: vcf }, { type: 'upload' }).phase).toBe('uploading');
    const running = run({ type: 'choose', file: vcf }, { type: 'upload' }, { type: 'accepted', id: 'j1' });
    expect(running.phase).toBe('running');
    expect(running.job).toMatchObject({ id: 'j1', status: 'running', processed: 0 });
    const half = importReducer(running, { type: 'progress', job: job({ processed: 5, created: 5 }) });
    expect(half.job?.processed).toBe(5);
    const done = importReducer(half, { type: 'progress', job: job({ status: 'done', processed: 10, created: 9, skipped: [{ index: 3, name: 'Bob', errors: { email: ['This field is required.'] } }] }) });
    expect(done.phase).toBe('done');
    expect(done.job?.skipped).toHaveLength(1);
  });

  it('keeps the bar moving forward: an older snapshot (a poll answer that crossed an event) is ignored', () => {
    const running = run({ type: 'choose', file: vcf }, { type: 'upload' }, { type: 'accepted', id: 'j1' }, { type: 'progress', job: job({ processed: 7 }) });
    expect(importReducer(running, { type: 'progress', job: job({ processed: 4 }) })).toBe(running);
    const done = importReducer(running, { type: 'progress', job: job({ status: 'done', processed: 10 }) });
    // A late "running" after the end changes nothing.
    expect(importReducer(done, { type: 'progress', job: job({ processed: 8 }) })).toBe(done);
  });

  it('applies progress that beat the 202 (the server starts at once), and only the job that is ours', () => {
    const uploading = run({ type: 'choose', file: vcf }, { type: 'upload' });
    const heard = [job({ id: 'other', processed: 3 }), job({ processed: 2 }), job({ status: 'done', processed: 10, created: 10 })].reduce(
      (s, j) => importReducer(s, { type: 'progress', job: j }),
      uploading,
    );
    expect(heard.phase).toBe('uploading');
    const accepted = importReducer(heard, { type: 'accepted', id: 'j1' });
    expect(accepted.phase).toBe('done');
    expect(accepted.job?.created).toBe(10);
    // Another import of mine (another tab) does not move this one.
    const running = run({ type: 'choose', file: vcf }, { type: 'upload' }, { type: 'accepted', id: 'j1' });
    expect(importReducer(running, { type: 'progress', job: job({ id: 'other', processed: 9 }) })).toBe(running);
  });

  it('a refused upload goes back to the file with the server’s reason', () => {
    const refused = run({ type: 'choose', file: vcf }, { type: 'upload' }, { type: 'rejected', message: 'The file is larger than 50 MiB.' });
    expect(refused.phase).toBe('ready');
    expect(refused.error).toBe('The file is larger than 50 MiB.');
    // Choosing another file clears it.
    expect(importReducer(refused, { type: 'choose', file: { ...vcf, name: 'b.vcf' } }).error).toBe('');
  });

  it('does not send a file that is empty, too large or of no known format', () => {
    expect(fileProblem({ ...vcf, size: 0 })).toBe('The file is empty.');
    expect(fileProblem({ ...vcf, size: IMPORT_MAX_BYTES + 1 })).toMatch(/limit is 50\.0 MB/);
    expect(fileProblem({ ...vcf, format: null })).toBe('Choose a vCard (.vcf) or CSV (.csv) file.');
    const state = run({ type: 'choose', file: { ...vcf, format: null } }, { type: 'upload' });
    expect(state.phase).toBe('ready');
    expect(state.error).toMatch(/vCard/);
  });

  it('refuses another file or a reset while one is on its way', () => {
    const uploading = run({ type: 'choose', file: vcf }, { type: 'upload' });
    expect(importReducer(uploading, { type: 'choose', file: { ...vcf, name: 'b.vcf' } })).toBe(uploading);
    expect(importReducer(uploading, { type: 'reset' })).toBe(uploading);
  });

  it('fails when the server no longer knows the job, or says it failed', () => {
    const running = run({ type: 'choose', file: vcf }, { type: 'upload' }, { type: 'accepted', id: 'j1' });
    expect(importReducer(running, { type: 'lost', message: 'gone' })).toMatchObject({ phase: 'failed', error: 'gone' });
    expect(importReducer(running, { type: 'progress', job: job({ status: 'failed', processed: 4 }) }).phase).toBe('failed');
  });

  it('says how far it is, or nothing while the cards are being counted', () => {
    expect(importPercent(job({ total: 0 }))).toBeNull();
    expect(importPercent(job({ total: 3, processed: 1 }))).toBe(33);
    expect(importPercent(job({ status: 'done', total: 0 }))).toBe(100);
  });
});
