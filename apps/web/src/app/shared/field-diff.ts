import { CONTACT_FIELD_NAMES, type ContactFieldName, type ContactFields } from '@contacts/wire-types';
import { FIELD_LABELS } from './contact-validation';

export interface FieldChange {
  field: ContactFieldName;
  label: string;
  before: string;
  after: string;
}

/** Field-level changes from `before` to `after`, in form order. `before` null means "no previous version". */
export function diffFields(before: ContactFields | null, after: ContactFields): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of CONTACT_FIELD_NAMES) {
    const prev = before ? before[field] : '';
    if (prev !== after[field]) {
      changes.push({ field, label: FIELD_LABELS[field], before: prev, after: after[field] });
    }
  }
  return changes;
}

/** "Email and Phone" — for banners and toasts. */
export function describeChangedFields(changes: readonly FieldChange[]): string {
  const labels = changes.map((c) => c.label);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
