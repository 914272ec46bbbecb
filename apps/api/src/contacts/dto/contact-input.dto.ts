import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsString, Matches, MinLength, ValidateBy } from 'class-validator';
import {
  CONTACT_FIELD_MAX_LENGTH as MAX,
  type ContactFields,
  EMAIL_PATTERN,
  PHONE_PATTERN,
} from '@contacts/wire-types';
import { type CarriesEmailTakenCheck, EMAIL_TAKEN_CHECK, type EmailTakenCheck, IsUniqueEmail } from '../validators/unique-email.validator.js';

/** Missing and null get the messages a DRF client knows. */
const IsPresent = () =>
  ValidateBy({
    name: 'isPresent',
    validator: {
      validate: (value) => value !== undefined && value !== null,
      defaultMessage: (args) => (args?.value === null ? 'This field may not be null.' : 'This field is required.'),
    },
  });

/** Applies rules in the order written: validation stops at a field's first failure. */
const Rules =
  (...rules: PropertyDecorator[]): PropertyDecorator =>
  (target, property) => {
    for (const rule of rules) rule(target, property);
  };

/** PostgreSQL text cannot hold U+0000; DRF's CharField refuses it with this message. */
const NoNullChars = () =>
  ValidateBy({
    name: 'noNullChars',
    validator: {
      validate: (value) => typeof value === 'string' && !value.includes('\u0000'),
      defaultMessage: () => 'Null characters are not allowed.',
    },
  });

/**
 * At most `max` characters as the database counts them: Unicode code points. (class-validator's
 * MaxLength skips variation selectors, which PostgreSQL's varchar does count.)
 */
const MaxChars = (max: number) =>
  ValidateBy({
    name: 'maxChars',
    validator: {
      validate: (value) => typeof value === 'string' && [...value].length <= max,
      defaultMessage: () => `Ensure this field has no more than ${max} characters.`,
    },
  });
const notString = { message: 'Not a valid string.' };
const blank = { message: 'This field may not be blank.' };

/**
 * The four writable fields. The unique-email lookup is the last rule, so it only runs for
 * a well-formed address.
 */
export class ContactInputDto implements ContactFields, CarriesEmailTakenCheck {
  @ApiProperty({ example: 'Ada', maxLength: MAX.first_name })
  @Rules(IsPresent(), IsString(notString), MinLength(1, blank), NoNullChars(), MaxChars(MAX.first_name))
  first_name!: string;

  @ApiProperty({ example: 'Lovelace', maxLength: MAX.last_name })
  @Rules(IsPresent(), IsString(notString), MinLength(1, blank), NoNullChars(), MaxChars(MAX.last_name))
  last_name!: string;

  @ApiProperty({ example: 'ada@example.com', maxLength: MAX.email, description: 'Unique, case-insensitively' })
  @Rules(IsPresent(), IsString(notString), MinLength(1, blank), NoNullChars(), MaxChars(MAX.email),
    Matches(EMAIL_PATTERN, { message: 'Enter a valid email address.' }), IsUniqueEmail())
  email!: string;

  @ApiProperty({ example: '+1-555-1000', maxLength: MAX.phone, description: 'Digits with + - ( ) . and spaces' })
  @Rules(IsPresent(), IsString(notString), MinLength(1, blank), NoNullChars(), MaxChars(MAX.phone),
    Matches(PHONE_PATTERN, { message: 'Enter a valid phone number.' }))
  phone!: string;

  [EMAIL_TAKEN_CHECK]?: EmailTakenCheck;
}

/** PATCH and external updates: any subset of the fields. */
export class ContactPatchDto extends PartialType(ContactInputDto) {}
