import { Injectable } from '@nestjs/common';
import { validate } from 'class-validator';
import { CONTACT_FIELD_NAMES, type ContactFields, type FieldErrors } from '@contacts/wire-types';
import { badRequest } from '../../common/api-errors.js';
import { asObjectBody } from '../../common/request-body.js';
import { ContactInputDto } from '../dto/contact-input.dto.js';
import { validateDetails } from './contact-details.validator.js';
import { EMAIL_TAKEN_CHECK, type EmailTakenCheck } from './unique-email.validator.js';

export interface ValidateOptions {
  /** PATCH: only the fields present are checked. */
  partial: boolean;
  /** How to ask whether an email belongs to another contact; omitted = not checked. */
  emailTaken?: EmailTakenCheck;
}

/**
 * Turns an untrusted body into clean contact fields, or throws a field-keyed 400 (every
 * field's errors at once, the details' keyed by entry: `other_phones[2].value`).
 * Unknown fields are ignored; strings are trimmed before any rule runs. `partial` is about
 * the four mandatory fields; the details are optional either way and come back only when
 * sent (a create makes the absent ones empty, PUT and PATCH leave them unchanged).
 */
@Injectable()
export class ContactInputValidator {
  async validate(body: unknown, options: { partial: true; emailTaken?: EmailTakenCheck }): Promise<Partial<ContactFields>>;
  async validate(body: unknown, options: { partial: false; emailTaken?: EmailTakenCheck }): Promise<ContactFields>;
  async validate(body: unknown, options: ValidateOptions): Promise<Partial<ContactFields>> {
    const source = asObjectBody(body);
    const dto = new ContactInputDto();
    for (const name of CONTACT_FIELD_NAMES) {
      if (!(name in source)) continue;
      const value = source[name];
      (dto as unknown as Record<string, unknown>)[name] = typeof value === 'string' ? value.trim() : value;
    }
    dto[EMAIL_TAKEN_CHECK] = options.emailTaken;
    const failures = await validate(dto, {
      skipUndefinedProperties: options.partial,
      stopAtFirstError: true,
      forbidUnknownValues: false,
    });
    const { details, errors: detailErrors } = validateDetails(source);
    if (failures.length > 0 || Object.keys(detailErrors).length > 0) {
      const errors: FieldErrors = {};
      for (const failure of failures) errors[failure.property] = Object.values(failure.constraints ?? {});
      throw badRequest({ ...errors, ...detailErrors });
    }
    const clean: Partial<ContactFields> = {};
    for (const name of CONTACT_FIELD_NAMES) if (dto[name] !== undefined) clean[name] = dto[name];
    return { ...clean, ...details };
  }
}
