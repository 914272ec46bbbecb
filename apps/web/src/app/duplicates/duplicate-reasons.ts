import type { DuplicateReason } from '@contacts/wire-types';

/** Why a group is suggested, as a chip on the group. */
export const DUPLICATE_REASON_LABELS: Readonly<Record<DuplicateReason, string>> = {
  'same email': 'Same email',
  'same phone': 'Same phone',
  'same name': 'Same name',
  'similar email': 'Similar email and name',
};

/** A reason a newer server may add is still shown, in its own words. */
export function duplicateReasonLabel(reason: DuplicateReason): string {
  const label = DUPLICATE_REASON_LABELS[reason] as string | undefined;
  return label ?? reason.charAt(0).toUpperCase() + reason.slice(1);
}
