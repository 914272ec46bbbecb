import type { Contact } from '@contacts/wire-types';
import { testContact } from '../testing/contact-fixtures';
import { defaultPicks, defaultSurvivor, filledFieldCount, keptContactPoints, mergeValues } from './merge-plan';

const contact = (id: number, fields: Partial<Contact> = {}): Contact => ({ ...testContact(id), ...fields });

describe('defaultSurvivor', () => {
  it('keeps the contact with the most filled fields', () => {
    const sparse = contact(1);
    const rich = contact(2, { organization: 'Analytical Engines', birthday: '1815-12-10' });
    const some = contact(3, { notes: 'Met at the Royal Society' });
    expect(filledFieldCount(rich)).toBe(filledFieldCount(sparse) + 2);
    expect(defaultSurvivor([sparse, rich, some]).id).toBe(2);
  });

  it('on a tie keeps the oldest, then the smallest id', () => {
    const newer = contact(1, { created_at: '2026-11-27T10:00:00.000Z' });
    const older = contact(5, { created_at: '2026-11-20T10:00:00.000Z' });
    const sameAge = contact(3, { created_at: '2026-11-20T10:00:00.000Z' });
    expect(defaultSurvivor([newer, older]).id).toBe(5);
    expect(defaultSurvivor([newer, older, sameAge]).id).toBe(3);
  });

  it('counts a blank string and an empty list as not filled', () => {
    expect(filledFieldCount(contact(1, { organization: '   ', other_emails: [] }))).toBe(filledFieldCount(contact(1)));
  });
});

describe('defaultPicks and mergeValues', () => {
  const survivor = contact(1, { first_name: 'Ada', last_name: 'Lovelace', job_title: 'Analyst' });
  const other = contact(2, { first_name: 'Augusta Ada', last_name: 'King', organization: 'Analytical Engines', job_title: 'Countess' });
  const third = contact(3, { organization: 'Royal Society', notes: 'Prefers letters' });

  it("picks the survivor's value, or the first non-empty one of the others in order", () => {
    const picks = defaultPicks(survivor, [other, third]);
    expect(picks.first_name).toBe(1);
    expect(picks.job_title).toBe(1);
    expect(picks.organization).toBe(2);
    expect(picks.notes).toBe(3);
    // Nobody has one: the survivor's (empty) value.
    expect(picks.birthday).toBe(1);
  });

  it('sends no values for the default picks (the server keeps the same ones)', () => {
    expect(mergeValues(survivor, [other, third], defaultPicks(survivor, [other, third]))).toEqual({});
  });

  it('sends a value picked from another contact, and an empty value picked over one the server would fill in', () => {
    const picks = { ...defaultPicks(survivor, [other, third]), last_name: 2, job_title: 2, organization: 1 };
    expect(mergeValues(survivor, [other, third], picks)).toEqual({ last_name: 'King', job_title: 'Countess', organization: '' });
  });

  it('sends nothing when the picked value equals what the server keeps', () => {
    const twin = contact(4, { first_name: 'Ada', last_name: 'Lovelace' });
    expect(mergeValues(survivor, [twin], { ...defaultPicks(survivor, [twin]), first_name: 4 })).toEqual({});
  });
});

describe('keptContactPoints', () => {
  const ada = contact(1, {
    email: 'ada@example.com',
    phone: '+44 20 7946 0000',
    other_emails: [{ label: 'work', value: 'ada@work.example' }],
    other_phones: [{ label: 'mobile', value: '+44 7700 900000' }],
  });
  const twin = contact(2, {
    email: 'ADA@example.com ',
    phone: '020 7946 0000',
    other_emails: [
      { label: 'home', value: 'ada@home.example' },
      { label: 'old', value: 'Ada@Work.example' },
    ],
    other_phones: [{ label: 'lab', value: '+44 20 7946 0001' }],
  });
  const countess = contact(3, { email: 'countess@example.com', phone: '+1 555 0100' });

  it('keeps every email and phone once: the survivor’s list, then each primary (unlabelled) and other one in order', () => {
    const kept = keptContactPoints(ada, [twin, countess], {});
    expect(kept.email).toBe('ada@example.com');
    expect(kept.otherEmails).toEqual([
      { label: 'work', value: 'ada@work.example' },
      { label: 'home', value: 'ada@home.example' },
      { label: '', value: 'countess@example.com' },
    ]);
    // "020 7946 0000" is the survivor's "+44 20 7946 0000" without its country code.
    expect(kept.otherPhones).toEqual([
      { label: 'mobile', value: '+44 7700 900000' },
      { label: 'lab', value: '+44 20 7946 0001' },
      { label: '', value: '+1 555 0100' },
    ]);
    expect(kept.tooManyEmails).toBe(false);
  });

  it('moves the survivor’s primary into the list when another contact’s is chosen', () => {
    const kept = keptContactPoints(ada, [countess], { email: 'countess@example.com', phone: '+1 555 0100' });
    expect(kept.email).toBe('countess@example.com');
    expect(kept.otherEmails.map((e) => e.value)).toEqual(['ada@work.example', 'ada@example.com']);
    expect(kept.otherPhones).toEqual([
      { label: 'mobile', value: '+44 7700 900000' },
      { label: '', value: '+44 20 7946 0000' },
    ]);
  });

  it('says when the merged list is longer than the server accepts', () => {
    const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ label: '', value: `${prefix}${i}@example.com` }));
    const kept = keptContactPoints(contact(1, { other_emails: many(6, 'a') }), [contact(2, { other_emails: many(4, 'b') })], {});
    // 6 + 4 + the other's primary = 11.
    expect(kept.otherEmails).toHaveLength(11);
    expect(kept.tooManyEmails).toBe(true);
    expect(kept.tooManyPhones).toBe(false);
  });
});

