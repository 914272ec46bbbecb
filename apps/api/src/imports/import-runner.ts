import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EMAIL_TAKEN_MESSAGE, type FieldErrors, type SkippedCard } from '@contacts/wire-types';
import { AccessResolver } from '../access/access-resolver.js';
import type { BookAccess } from '../access/book-access.js';
import { ApiError } from '../common/api-errors.js';
import { nowIso } from '../common/clock.js';
import { ContactMutations } from '../contacts/contact-mutations.js';
import { completeFields } from '../contacts/stored-contact.js';
import { ContactInputValidator } from '../contacts/validators/contact-input.validator.js';
import { WriteTransactions } from '../database/write-transactions.js';
import { ImportProgressBus } from '../events/import-progress-bus.js';
import { type DrainableWork, WorkInFlight } from '../lifecycle/work-in-flight.js';
import { CardUnreadable, cardsOf, countCards, type SourceCard } from './card-source.js';
import { decodeCaller } from './import-caller.js';
import type { ImportJobEntity } from './import-job.entity.js';
import { JobProgress, toImportJob } from './import-progress.js';
import { ImportSpool } from './import-spool.js';
import { type CardOutcome, ImportsRepository } from './imports.repository.js';

/** A spooled file no job reads, older than this, is left over from a crash. */
const STALE_UPLOAD_MS = 60 * 60_000;

/** How long closing the app waits for the card being written. */
const SHUTDOWN_WAIT_MS = 5_000;

/** Another process took the job over (it resumed it): this one stops, the card it was writing rolled back. */
class JobTakenOver extends Error {}

/** The job cannot go on (its book is gone or no longer writable, its account removed, its file lost). */
class JobFailed extends Error {}

interface Queued {
  id: string;
  /** The uploading request's access; null for a job resumed after a restart (resolved again). */
  access: BookAccess | null;
}

/**
 * Runs imports in this process, one at a time, card by card. Each card is one write
 * transaction through the contacts write path (its version and event included), and the
 * job's counters move inside that same transaction: a process killed at any moment
 * leaves every card either written and counted, or neither. On start, jobs left running
 * whose file is here are taken over and resume after the last counted card. On shutdown
 * the job stops between two cards and stays `running`, to resume at the next start.
 */
@Injectable()
export class ImportRunner implements OnApplicationBootstrap, BeforeApplicationShutdown, DrainableWork {
  readonly name = 'imports';
  private readonly logger = new Logger(ImportRunner.name);
  /** This process as a job's owner. */
  private readonly runnerId = randomUUID();
  private readonly queue: Queued[] = [];
  private active: Promise<void> | null = null;
  private stopping = false;

  constructor(
    private readonly imports: ImportsRepository,
    private readonly writes: WriteTransactions,
    private readonly spool: ImportSpool,
    private readonly mutations: ContactMutations,
    private readonly validator: ContactInputValidator,
    private readonly progressBus: ImportProgressBus,
    private readonly resolver: AccessResolver,
    work: WorkInFlight,
  ) {
    work.register(this);
  }

  get size(): number {
    return this.queue.length + (this.active ? 1 : 0);
  }

  /** Stop after the card being written; queued and interrupted jobs stay `running` for the next start. */
  async drain(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.queue.length = 0;
    if (!this.active) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.active, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
  }

  /** Closing without the graceful shutdown (tests, a failed start): still stop between cards, before the database closes. */
  beforeApplicationShutdown(): Promise<void> {
    return this.drain(SHUTDOWN_WAIT_MS);
  }

  onApplicationBootstrap(): void {
    void this.resumeLeftOver().catch((error: unknown) => this.logger.error(`could not look for imports to resume: ${String(error)}`));
  }

  /** A new job, acting with the uploading request's access. */
  enqueue(id: string, access: BookAccess): void {
    this.queue.push({ id, access });
    this.next();
  }

  /**
   * Jobs a process left `running` (killed, or stopped between two cards) whose file is on
   * this machine; and files no job will read (a process killed between spooling an upload
   * and recording its job), once old enough not to be an upload still on its way.
   */
  private async resumeLeftOver(): Promise<void> {
    const running = await this.imports.running();
    for (const job of running) {
      if (this.spool.exists(job.file_path) && !this.queue.some((queued) => queued.id === job.id)) this.queue.push({ id: job.id, access: null });
    }
    this.next();
    await this.spool.removeStale(new Set(running.map((job) => job.file_path)), STALE_UPLOAD_MS);
  }

  private next(): void {
    if (this.active || this.stopping) return;
    const item = this.queue.shift();
    if (!item) return;
    this.active = this.run(item)
      .catch((error: unknown) => this.logger.error(`import ${item.id}: ${error instanceof Error ? error.stack : String(error)}`))
      .finally(() => {
        this.active = null;
        this.next();
      });
  }

  private async run({ id, access: given }: Queued): Promise<void> {
    const job = await this.writes.run((manager) => this.imports.claim(manager, id, this.runnerId));
    if (!job) return; // finished meanwhile, or gone with its book
    const progress = new JobProgress(toImportJob(job, await this.imports.skipsOf(id)), job.user_id === null ? null : Number(job.user_id), this.progressBus);
    try {
      const access = given ?? (await this.accessOf(job));
      if (!this.spool.exists(job.file_path)) throw new JobFailed('The uploaded file is gone.');
      if (job.total === null) {
        const total = await countCards(job.format, this.spool.read(job.file_path));
        if (!(await this.writes.run((manager) => this.imports.setTotal(manager, id, this.runnerId, total)))) throw new JobTakenOver();
        progress.setTotal(total);
      }
      progress.maybeSend();
      for await (const card of cardsOf(job.format, this.spool.read(job.file_path))) {
        if (card.index < progress.processed) continue;
        if (this.stopping) return;
        progress.counted(await this.importCard(job, card, access));
        // A card is synchronous work chained by promises (SQLite answers at once): a turn of
        // the event loop between cards lets every other request in.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      await this.end(job, progress, 'done', null);
    } catch (error) {
      if (error instanceof JobTakenOver) {
        // Another process has it; or it is gone with its book, and its file with it.
        if (!(await this.imports.findById(id))) await this.spool.remove(job.file_path);
        return;
      }
      if (this.stopping && !(error instanceof JobFailed)) return; // e.g. the database closing under it: resumes at the next start
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`import ${id} failed: ${reason}`);
      await this.end(job, progress, 'failed', reason);
    }
  }

  private async accessOf(job: ImportJobEntity): Promise<BookAccess> {
    const ref = decodeCaller(job.caller);
    const access = ref ? await this.resolver.again(ref) : null;
    if (!access) throw new JobFailed('The importing account is gone.');
    return access;
  }

  private async end(job: ImportJobEntity, progress: JobProgress, status: 'done' | 'failed', error: string | null): Promise<void> {
    const ended = await this.writes.run((manager) => this.imports.finish(manager, job.id, this.runnerId, status, error, nowIso()));
    if (!ended) return;
    await this.spool.remove(job.file_path);
    progress.ended(status);
  }

  /** One card, all or nothing: written and counted in one transaction, or skipped and counted in one. */
  private async importCard(job: ImportJobEntity, card: SourceCard, access: BookAccess): Promise<'created' | 'updated' | SkippedCard> {
    let name = '';
    try {
      const read = card.read();
      name = read.name;
      const fields = completeFields(await this.validator.validate(read.fields, { partial: false }));
      let outcome: 'created' | 'updated' | SkippedCard = 'created';
      await this.mutations.writeCard(
        {
          book: Number(job.address_book_id),
          fields,
          uid: read.uid,
          vcard_extra: read.vcard_extra,
          via: 'import',
          onExisting: job.on_duplicate === 'update' ? 'update' : 'skip',
          within: async (manager, result) => {
            const counted: CardOutcome = result === 'skipped' ? { kind: 'skipped', name, errors: { email: [EMAIL_TAKEN_MESSAGE] } } : { kind: result };
            if (!(await this.imports.recordCard(manager, job.id, this.runnerId, card.index, counted))) throw new JobTakenOver();
            outcome = counted.kind === 'skipped' ? { index: card.index, name: counted.name, errors: counted.errors } : counted.kind;
          },
        },
        access,
      );
      return outcome;
    } catch (error) {
      const errors = skipReason(error);
      if (!errors) throw error;
      const cardName = name || (error instanceof CardUnreadable ? error.cardName : '');
      const skipped: CardOutcome = { kind: 'skipped', name: cardName, errors };
      const recorded = await this.writes.run((manager) => this.imports.recordCard(manager, job.id, this.runnerId, card.index, skipped));
      if (!recorded) throw new JobTakenOver();
      return { index: card.index, name: [...cardName].slice(0, 200).join(''), errors };
    }
  }
}

/**
 * Why a card is left out, as field errors; null when the error is not about the card
 * (the job stops). Losing the right to write the book stops the job: every card would fail.
 */
function skipReason(error: unknown): FieldErrors | null {
  if (error instanceof CardUnreadable) return error.errors;
  if (!(error instanceof ApiError)) return null;
  const status = error.getStatus();
  if (status === 403 || status === 404) throw new JobFailed('The address book is gone, or no longer writable by the importing account.');
  if (status !== 400 && status !== 409 && status !== 412) return null;
  const body = error.getResponse();
  if (typeof body !== 'object' || body === null) return { card: [String(body)] };
  if ('detail' in body && typeof body.detail === 'string') return { card: [body.detail] };
  return body as FieldErrors;
}
