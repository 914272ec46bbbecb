import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Contact } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ApiError, badRequest, detailError, emailReserved } from '../common/api-errors.js';
import { bookFieldOf } from './book-field.js';
import { sleep } from '../common/clock.js';
import { ContactMutations } from './contact-mutations.js';
import { ContactsRepository } from './contacts.repository.js';
import { EmailReservations } from './email-reservations.js';
import { fingerprintOf, IdempotencyStore, type StoredResponse } from './idempotency-store.js';
import { PendingCreates } from './pending-creates.js';
import { completeFields } from './stored-contact.js';
import { ContactInputValidator } from './validators/contact-input.validator.js';

const MAX_KEY_LENGTH = 255;

/**
 * POST /api/contacts/: validate at once, hold the email, wait out the (simulated) slow
 * backend without holding anything else, then save. An Idempotency-Key makes retries safe.
 */
@Injectable()
export class ContactCreateService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly validator: ContactInputValidator,
    private readonly contacts: ContactsRepository,
    private readonly reservations: EmailReservations,
    private readonly idempotency: IdempotencyStore,
    private readonly mutations: ContactMutations,
    private readonly pending: PendingCreates,
  ) {}

  async create(body: unknown, access: BookAccess, idempotencyKey?: string): Promise<Contact> {
    if (idempotencyKey === undefined) return this.pending.track(this.createOnce(body, access));
    const offered = idempotencyKey.trim();
    if (!offered || offered.length > MAX_KEY_LENGTH) {
      throw detailError(HttpStatus.BAD_REQUEST, `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters.`);
    }
    // Keys are the caller's own: another account's key never replays this one's answer
    // (hashed so that the scoped key keeps within the column).
    const key = access.userId === null ? offered : `u${access.userId}:${createHash('sha256').update(offered).digest('hex')}`;
    const fingerprint = fingerprintOf(body);
    for (;;) {
      const claim = await this.idempotency.claim(key, fingerprint);
      if (claim.kind === 'mismatch') {
        throw detailError(HttpStatus.UNPROCESSABLE_ENTITY, 'This Idempotency-Key was already used with a different request body.');
      }
      if (claim.kind === 'done') return this.replay(claim.response);
      if (claim.kind === 'claimed') return this.pending.track(this.createRecorded(key, body, access));
      const response = await this.idempotency.waitForResult(key);
      if (response) return this.replay(response);
      // The holder gave up or died: claim again.
    }
  }

  private async createRecorded(key: string, body: unknown, access: BookAccess): Promise<Contact> {
    try {
      const contact = await this.createOnce(body, access);
      await this.idempotency.complete(key, { status: HttpStatus.CREATED, body: contact });
      return contact;
    } catch (error) {
      if (error instanceof ApiError && error.getStatus() < 500) {
        await this.idempotency.complete(key, { status: error.getStatus(), body: error.getResponse() });
      } else {
        await this.idempotency.abandon(key);
      }
      throw error;
    }
  }

  private async createOnce(body: unknown, access: BookAccess): Promise<Contact> {
    const book = bookFieldOf(body) ?? access.defaultBook;
    if (book === null) throw badRequest({ address_book: ['This field is required.'] });
    access.requireWrite(book);
    // A create's absent details are empty.
    const fields = completeFields(
      await this.validator.validate(body, {
        partial: false,
        emailTaken: async (email) => (await this.contacts.emailOwner(book, email)) !== null,
      }),
    );
    const owner = randomUUID();
    if (!(await this.reservations.reserve(book, fields.email, owner))) throw emailReserved();
    let saved = false;
    try {
      await sleep(this.config.createDelayMs);
      const contact = await this.mutations.create(fields, book, owner, access);
      saved = true; // the save released the hold in its own transaction
      return contact;
    } finally {
      if (!saved) await this.reservations.release(book, fields.email, owner);
    }
  }

  private replay(response: StoredResponse): Contact {
    if (response.status >= 400) throw new ApiError(response.status, response.body as object);
    return response.body as Contact;
  }
}
