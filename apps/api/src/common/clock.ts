/** ISO-8601 UTC timestamp with milliseconds: the one time format on the wire and in the database. */
export function nowIso(): string {
  return new Date().toISOString();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
