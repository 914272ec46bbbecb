/**
 * The n-th parameter of a statement: numbered on PostgreSQL (one value may then serve
 * several places), `?` on SQLite (whose values go in the order the marks appear).
 */
export function parameterMark(postgres: boolean, n: number): string {
  return postgres ? `$${n}` : '?';
}

/** The first `count` parameters, comma-separated: an INSERT's VALUES. */
export function parameterMarks(postgres: boolean, count: number): string {
  return Array.from({ length: count }, (_, i) => parameterMark(postgres, i + 1)).join(', ');
}
