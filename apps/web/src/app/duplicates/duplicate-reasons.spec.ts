import { DUPLICATE_REASONS, type DuplicateReason } from '@contacts/wire-types';
import { DUPLICATE_REASON_LABELS, duplicateReasonLabel } from './duplicate-reasons';

describe('duplicate reasons', () => {
  it('reads each reason the server gives as a chip label', () => {
    expect(DUPLICATE_REASONS.map(duplicateReasonLabel)).toEqual(['Same email', 'Same phone', 'Same name', 'Similar email and name']);
    expect(Object.keys(DUPLICATE_REASON_LABELS).sort()).toEqual([...DUPLICATE_REASONS].sort());
  });

  it('shows a reason this app does not know yet in the server’s words', () => {
    expect(duplicateReasonLabel('same birthday' as DuplicateReason)).toBe('Same birthday');
  });
});
