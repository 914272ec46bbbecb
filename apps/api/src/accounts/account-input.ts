import {
  type CreateUserRequest,
  EMAIL_PATTERN,
  type FieldErrors,
  type LoginRequest,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  TOKEN_NAME_MAX_LENGTH,
  USER_NAME_MAX_LENGTH,
} from '@contacts/wire-types';
import { badRequest } from '../common/api-errors.js';
import { asObjectBody } from '../common/request-body.js';

/** The longest address SMTP carries (RFC 5321): the users table's column too. */
export const EMAIL_MAX_LENGTH = 254;
export const ACCOUNT_EMAIL_TAKEN_MESSAGE = 'A user with this email already exists.';

const REQUIRED = 'This field is required.';
const NULL = 'This field may not be null.';
const NOT_STRING = 'Not a valid string.';
const BLANK = 'This field may not be blank.';

/** Characters as the database counts them (code points), like DRF's len(). */
const length = (value: string) => [...value].length;
const atMost = (max: number) => `Ensure this field has no more than ${max} characters.`;
const atLeast = (min: number) => `Ensure this field has at least ${min} characters.`;

interface TextRule {
  /** Trim before the other rules (names, emails); passwords are taken exactly as typed. */
  trim: boolean;
  min: number;
  max: number;
  check?: (value: string) => string | null;
}

/**
 * Collects DRF-style messages per field, so one 400 names every field that is wrong.
 * Unknown fields are ignored.
 */
class Fields {
  readonly errors: FieldErrors = {};

  constructor(private readonly source: Record<string, unknown>) {}

  text(name: string, rule: TextRule): string {
    const raw = this.source[name];
    if (raw === undefined) return this.fail(name, REQUIRED);
    if (raw === null) return this.fail(name, NULL);
    if (typeof raw !== 'string') return this.fail(name, NOT_STRING);
    const value = rule.trim ? raw.trim() : raw;
    if (value === '') return this.fail(name, BLANK);
    if (value.includes('\u0000')) return this.fail(name, 'Null characters are not allowed.');
    if (length(value) > rule.max) return this.fail(name, atMost(rule.max));
    if (length(value) < rule.min) return this.fail(name, atLeast(rule.min));
    const problem = rule.check?.(value);
    return problem ? this.fail(name, problem) : value;
  }

  optionalBoolean(name: string): boolean | undefined {
    const raw = this.source[name];
    if (raw === undefined) return undefined;
    if (typeof raw !== 'boolean') {
      this.fail(name, 'Must be a valid boolean.');
      return undefined;
    }
    return raw;
  }

  /** Throws the 400 if any field failed. */
  done(): void {
    if (Object.keys(this.errors).length) throw badRequest(this.errors);
  }

  private fail(name: string, message: string): string {
    this.errors[name] = [message];
    return '';
  }
}

const validEmail = (value: string) => (EMAIL_PATTERN.test(value) ? null : 'Enter a valid email address.');

const EMAIL: TextRule = { trim: true, min: 1, max: EMAIL_MAX_LENGTH, check: validEmail };
const PASSWORD: TextRule = { trim: false, min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
const USER_NAME: TextRule = { trim: true, min: 1, max: USER_NAME_MAX_LENGTH };
const TOKEN_NAME: TextRule = { trim: true, min: 1, max: TOKEN_NAME_MAX_LENGTH };

/** Sign-up and the admin's create: email, password, name (and, for the admin, is_admin). */
export function parseNewAccount(body: unknown, { allowAdminFlag }: { allowAdminFlag: boolean }): Required<CreateUserRequest> {
  const fields = new Fields(asObjectBody(body));
  const account = {
    email: fields.text('email', EMAIL),
    password: fields.text('password', PASSWORD),
    name: fields.text('name', USER_NAME),
    is_admin: allowAdminFlag ? (fields.optionalBoolean('is_admin') ?? false) : false,
  };
  fields.done();
  return account;
}

/**
 * Sign-in: only presence and type are checked. A password that could never have been set
 * (too short, too long) fails like any wrong one, telling nothing about the rules.
 */
export function parseLogin(body: unknown): LoginRequest {
  const fields = new Fields(asObjectBody(body));
  const login = {
    email: fields.text('email', { trim: true, min: 1, max: Number.MAX_SAFE_INTEGER }),
    password: fields.text('password', { trim: false, min: 1, max: Number.MAX_SAFE_INTEGER }),
  };
  fields.done();
  return login;
}

export function parseTokenName(body: unknown): string {
  const fields = new Fields(asObjectBody(body));
  const name = fields.text('name', TOKEN_NAME);
  fields.done();
  return name;
}
