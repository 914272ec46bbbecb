import { isNewerThanBase } from './remote-change';

const at = (updated_at: string) => ({ updated_at });

describe('isNewerThanBase', () => {
  const base = at('2026-11-26T10:00:05.000Z');

  it('counts only a version newer than the one the form is based on', () => {
    expect(isNewerThanBase(base, at('2026-11-26T10:00:05.001Z'))).toBe(true);
    // The echo of the loaded version, and a late event for an older one, are not changes elsewhere.
    expect(isNewerThanBase(base, at('2026-11-26T10:00:05.000Z'))).toBe(false);
    expect(isNewerThanBase(base, at('2026-11-26T10:00:01.000Z'))).toBe(false);
  });

  it('compares instants, not strings', () => {
    // The same instant written another way is not newer; a later one with an offset is.
    expect(isNewerThanBase(base, at('2026-11-26T11:00:05+01:00'))).toBe(false);
    expect(isNewerThanBase(at('2026-11-26T10:00:05.000+01:00'), at('2026-11-26T09:30:00.000Z'))).toBe(true);
  });

  it('counts every event before the form has a base, and falls back to "differs" for unparsable times', () => {
    expect(isNewerThanBase(null, at('2026-11-26T10:00:00.000Z'))).toBe(true);
    expect(isNewerThanBase(at('garbage'), at('2026-11-26T10:00:00.000Z'))).toBe(true);
    expect(isNewerThanBase(at('garbage'), at('garbage'))).toBe(false);
  });
});
