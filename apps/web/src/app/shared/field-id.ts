/** The element id of a field path: `edit` + `other_phones[2].value` → `edit-other_phones-2-value`. */
export function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;
}
