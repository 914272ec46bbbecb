import { Injectable } from '@nestjs/common';
import type { Contact } from '@contacts/wire-types';
import { badRequest } from '../common/api-errors.js';
import { asObjectBody } from '../common/request-body.js';
import { ContactsService } from '../contacts/contacts.service.js';

export interface ExternalUpdate {
  id: number;
  fields: Record<string, unknown>;
}

/** Splits `{"id", …fields}` into the id and the PATCH-like rest, or a field-keyed 400. */
export function parseExternalUpdate(body: unknown): ExternalUpdate {
  const { id, ...fields } = asObjectBody(body);
  if (id === undefined || id === null) throw badRequest({ id: ['This field is required.'] });
  const numeric = typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : id;
  if (typeof numeric !== 'number' || !Number.isSafeInteger(numeric) || numeric < 1) {
    throw badRequest({ id: ['A valid integer is required.'] });
  }
  return { id: numeric, fields };
}

/** Applies an update made outside the UI: validated like PATCH, recorded as `external_update`. */
@Injectable()
export class ExternalUpdateService {
  constructor(private readonly contacts: ContactsService) {}

  apply(update: ExternalUpdate): Promise<Contact> {
    return this.contacts.update(update.id, update.fields, { partial: true, reason: 'external_update' });
  }
}
