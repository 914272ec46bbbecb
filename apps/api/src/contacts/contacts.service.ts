import { Injectable } from '@nestjs/common';
import type { Contact, Page } from '@contacts/wire-types';
import { notFound } from '../common/api-errors.js';
import { buildPage, type PageLinkBase, parsePageRequest } from '../common/pagination.js';
import { toContact } from './contact.mapper.js';
import { ContactPageCache, type PageBody } from './contact-page-cache.js';
import { ContactMutations, type UpdateOptions } from './contact-mutations.js';
import { ContactsRepository } from './contacts.repository.js';
import { ContactInputValidator } from './validators/contact-input.validator.js';

export interface ListQuery {
  search?: unknown;
  page?: unknown;
  page_size?: unknown;
}

/** Reads, edits and deletes. Creation, with its delay, lives in ContactCreateService. */
@Injectable()
export class ContactsService {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly mutations: ContactMutations,
    private readonly validator: ContactInputValidator,
    private readonly pageCache: ContactPageCache,
  ) {}

  /** The list answer (JSON text, and compressed on demand), rendered once per request URL and database version. */
  async list(query: ListQuery, links: PageLinkBase): Promise<PageBody> {
    const request = parsePageRequest(query as Record<string, unknown>);
    // U+0000 can match nothing (no stored value holds it) and PostgreSQL refuses it in text.
    const search = typeof query.search === 'string' ? query.search.replaceAll('\u0000', '').trim() : '';
    return this.pageCache.get(`${links.origin}${links.path}?${links.rawQuery}`, async () => {
      const { count, rows } = await this.contacts.page({ search, offset: request.offset, limit: request.pageSize });
      const page: Page<Contact> = buildPage(request, count, rows.map(toContact), links);
      return JSON.stringify(page);
    });
  }

  async get(id: number): Promise<Contact> {
    const row = await this.contacts.findById(id);
    if (!row) throw notFound();
    return toContact(row);
  }

  /** PUT (partial = false), PATCH and external updates (partial = true). */
  async update(
    id: number,
    body: unknown,
    options: { partial: boolean; ifMatch?: string; reason?: 'updated' | 'external_update'; claim?: UpdateOptions['claim'] },
  ): Promise<Contact> {
    await this.get(id);
    const emailTaken = async (email: string) => (await this.contacts.emailOwner(email, id)) !== null;
    const fields = options.partial
      ? await this.validator.validate(body, { partial: true, emailTaken })
      : await this.validator.validate(body, { partial: false, emailTaken });
    return this.mutations.update(id, fields, { reason: options.reason ?? 'updated', ifMatch: options.ifMatch, claim: options.claim });
  }

  remove(id: number): Promise<void> {
    return this.mutations.remove(id);
  }
}
