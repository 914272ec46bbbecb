import type { FieldErrors } from '@contacts/wire-types';
import { describeErrorPath } from '../shared/error-path-label';

/** A skipped card's reasons, one line per message: "Email: Email must be unique." */
export function skipReasons(errors: FieldErrors): string[] {
  const lines: string[] = [];
  for (const [path, messages] of Object.entries(errors)) {
    const label = describeErrorPath(path);
    for (const message of Array.isArray(messages) ? messages : [String(messages)]) lines.push(label ? `${label}: ${message}` : message);
  }
  return lines;
}
