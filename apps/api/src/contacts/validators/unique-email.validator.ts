import {
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { EMAIL_TAKEN_MESSAGE } from '@contacts/wire-types';

/** Answers "does another contact already use this email?" (case-insensitively). */
export type EmailTakenCheck = (email: string) => Promise<boolean>;

/**
 * Where the validated object carries its uniqueness check. It rides on the object rather
 * than a global container, so two apps in one process (tests, workers) never share one.
 */
export const EMAIL_TAKEN_CHECK = Symbol('emailTakenCheck');

export interface CarriesEmailTakenCheck {
  [EMAIL_TAKEN_CHECK]?: EmailTakenCheck;
}

@ValidatorConstraint({ name: 'uniqueEmail', async: true })
export class UniqueEmailConstraint implements ValidatorConstraintInterface {
  async validate(value: unknown, args: ValidationArguments): Promise<boolean> {
    const check = (args.object as CarriesEmailTakenCheck)[EMAIL_TAKEN_CHECK];
    if (typeof value !== 'string' || !check) return true;
    return !(await check(value));
  }

  defaultMessage(): string {
    return EMAIL_TAKEN_MESSAGE;
  }
}

export function IsUniqueEmail(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'uniqueEmail',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: UniqueEmailConstraint,
    });
}
