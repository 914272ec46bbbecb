import type { Contact } from '@contacts/wire-types';
import { emptyContactDetails } from '@contacts/wire-types';
import { readFixture, VCARD_FIXTURES } from './fixtures/fixture-files.js';
import { parseVCard } from './vcard-parse.js';
import { cardsOf, contactOf, unfold } from './vcard-test-support.js';
import { isPrimaryLabelLine } from './vcard-primary-labels.js';
import { writeVCard } from './vcard-write.js';

const ada: Contact = {
  id: 7,
  address_book: 1,
  uid: 'c0ffee00-0000-4000-8000-000000000007',
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: 'ada@example.com',
  phone: '+44 20 7946 0000',
  created_at: '2026-11-26T10:00:00.000Z',
  updated_at: '2026-11-27T09:08:07.654Z',
  ...emptyContactDetails(),
};

const octets = (line: string) => Buffer.byteLength(line, 'utf8');

describe('writeVCard', () => {
  it('writes vCard 3.0 with CRLF, VERSION right after BEGIN, and the properties in the contract order', () => {
    const text = writeVCard(
      {
        ...ada,
        organization: 'Analytical Engines; Ltd.',
        job_title: 'Mathematician',
        notes: 'First program,\r\nfamously.',
        birthday: '--12-10',
        other_emails: [{ label: 'work', value: 'ada@work.example' }],
        other_phones: [
          { label: 'mobile', value: '+44 7700 900123' },
          { label: 'Lab', value: '+44 20 7946 0002' },
        ],
        addresses: [
          { label: 'home', street: "12 St James's Square\nFlat 3", city: 'London', region: '', postal_code: 'SW1Y 4JH', country: 'UK' },
        ],
      },
      'X-FOO:bar\r\nitem1.URL:https\\://ada.example\r\nitem1.X-ABLabel:_$!<HomePage>!$_',
    );
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'PRODID:-//Contacts//vCard 3.0//EN',
      'UID:c0ffee00-0000-4000-8000-000000000007',
      'FN:Ada Lovelace',
      'N:Lovelace;Ada;;;',
      'EMAIL;TYPE=pref:ada@example.com',
      'EMAIL;TYPE=work:ada@work.example',
      'TEL;TYPE=pref:+44 20 7946 0000',
      'TEL;TYPE=cell:+44 7700 900123',
      // item1 is the extras' group: ours takes the next free number.
      'ITEM2.TEL:+44 20 7946 0002',
      'ITEM2.X-ABLABEL:Lab',
      'ORG:Analytical Engines\\; Ltd.',
      'TITLE:Mathematician',
      'NOTE:First program\\,\\nfamously.',
      'BDAY:--12-10',
      "ADR;TYPE=home:;;12 St James's Square\\nFlat 3;London;;SW1Y 4JH;UK",
      'REV:20261127T090807Z',
      'X-FOO:bar',
      'item1.URL:https\\://ada.example',
      'item1.X-ABLabel:_$!<HomePage>!$_',
      'END:VCARD',
      '',
    ]);
  });

  it('leaves out empty details and writes a full birthday in the extended form', () => {
    const lines = writeVCard({ ...ada, birthday: '1815-12-10' }, '').split('\r\n');
    expect(lines).toContain('BDAY:1815-12-10');
    expect(lines.some((line) => /^(ORG|TITLE|NOTE|ADR|X-)/.test(line))).toBe(false);
  });

  it('folds long lines at 75 octets without splitting a UTF-8 sequence', () => {
    const notes = 'é'.repeat(60) + '東京'.repeat(40) + '😀'.repeat(30) + 'a'.repeat(100);
    const extra = `X-LONG:${'x'.repeat(300)}`;
    const text = writeVCard({ ...ada, first_name: 'Zoë', notes }, extra);
    const lines = text.split('\r\n');
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(8);
    // Each physical line is whole UTF-8: no lone surrogate (a split emoji) and no U+FFFD.
    for (const line of lines) expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    for (const line of lines) expect(line).not.toMatch(/[\uD800-\uDFFF]/u);
    const unfolded = unfold(text);
    expect(unfolded).toContain(extra);
    expect(parseVCard(text).fields.notes).toBe(notes);
  });

  it("writes a label TYPE cannot say as Apple's itemN.X-ABLabel, and reads it back", () => {
    const contact: Contact = {
      ...ada,
      other_emails: [{ label: 'Lab, Room 2', value: 'lab@example.org' }],
      other_phones: [
        { label: 'cell', value: '+1 555 0001' },
        { label: 'other', value: '+1 555 0002' },
        { label: 'work fax', value: '+1 555 0003' },
      ],
      addresses: [{ label: 'Ferienhaus', street: 'Weg 1', city: 'Sylt', region: '', postal_code: '25980', country: 'DE' }],
    };
    const text = writeVCard(contact, '');
    const lines = unfold(text);
    expect(lines).toEqual(
      expect.arrayContaining([
        'ITEM1.EMAIL:lab@example.org',
        'ITEM1.X-ABLABEL:Lab\\, Room 2',
        'ITEM2.TEL:+1 555 0001',
        'ITEM2.X-ABLABEL:cell',
        'ITEM3.TEL:+1 555 0002',
        'ITEM3.X-ABLABEL:_$!<Other>!$_',
        'TEL;TYPE=work,fax:+1 555 0003',
        'ITEM4.ADR:;;Weg 1;Sylt;;25980;DE',
        'ITEM4.X-ABLABEL:Ferienhaus',
      ]),
    );
    expect(parseVCard(text).fields).toMatchObject({
      other_emails: contact.other_emails,
      other_phones: contact.other_phones,
      addresses: contact.addresses,
    });
  });
});

describe("writeVCard and the primary email's and phone's labels", () => {
  const written = (contact: Contact, extra: string) => unfold(writeVCard(contact, extra));

  it('writes a standard label as TYPE beside pref, and never the synthetic line itself', () => {
    const lines = written(ada, 'X-CONTACTS-PRIMARY-LABEL;TYPE=EMAIL:work\r\nX-CONTACTS-PRIMARY-LABEL;TYPE=TEL:mobile\r\nX-FOO:bar');
    expect(lines).toEqual(expect.arrayContaining(['EMAIL;TYPE=pref,work:ada@example.com', 'TEL;TYPE=pref,cell:+44 20 7946 0000', 'X-FOO:bar']));
    expect(lines.filter((line) => /X-CONTACTS/i.test(line))).toEqual([]);
  });

  it("writes a custom label (and Apple's own) as an itemN group with X-ABLabel, in a group the extras do not use", () => {
    const lines = written(
      { ...ada, other_emails: [{ label: 'Lab', value: 'lab@example.org' }] },
      'X-CONTACTS-PRIMARY-LABEL;TYPE=EMAIL:Lab\\, Room 2\r\nX-CONTACTS-PRIMARY-LABEL;TYPE=TEL:other\r\nitem1.URL:https\\://x.example\r\nitem1.X-ABLabel:Site',
    );
    expect(lines.filter((line) => /^(ITEM\d+\.)?(EMAIL|TEL|X-ABLABEL)/.test(line))).toEqual([
      'ITEM2.EMAIL;TYPE=pref:ada@example.com',
      'ITEM2.X-ABLABEL:Lab\\, Room 2',
      'ITEM3.EMAIL:lab@example.org',
      'ITEM3.X-ABLABEL:Lab',
      'ITEM4.TEL;TYPE=pref:+44 20 7946 0000',
      'ITEM4.X-ABLABEL:_$!<Other>!$_',
    ]);
    expect(lines).toEqual(expect.arrayContaining(['item1.URL:https\\://x.example', 'item1.X-ABLabel:Site']));
  });

  it('writes nothing of a label whose email or phone is gone', () => {
    const lines = written({ ...ada, phone: '' }, 'X-CONTACTS-PRIMARY-LABEL;TYPE=TEL:mobile');
    expect(lines.filter((line) => /^(TEL|X-CONTACTS)/i.test(line))).toEqual([]);
    expect(lines).toContain('EMAIL;TYPE=pref:ada@example.com');
  });
});

describe('round trips through the codec', () => {
  const fixtures = [VCARD_FIXTURES.ios, VCARD_FIXTURES.davx5, VCARD_FIXTURES.nokia, VCARD_FIXTURES.nonAscii];

  it.each(fixtures)(
    '%s: parse → write → parse gives the same fields and the same extras, and writing again the same card',
    async (name) => {
      const cards = await cardsOf(readFixture(name));
      expect(cards.length).toBeGreaterThan(0);
      cards.forEach((source, at) => {
        const first = parseVCard(source);
        const written = writeVCard(contactOf(first, at + 1), first.vcard_extra);
        const second = parseVCard(written);
        expect(second.fields).toEqual(first.fields);
        expect(second.vcard_extra).toBe(first.vcard_extra);
        expect(second.uid).toBe(first.uid ?? `generated-${at + 1}`);
        expect(writeVCard(contactOf(second, at + 1), second.vcard_extra)).toBe(written);
      });
    },
  );

  it.each([VCARD_FIXTURES.ios, VCARD_FIXTURES.davx5, VCARD_FIXTURES.nonAscii])(
    '%s: every unmodelled line goes out byte for byte as the source has it',
    async (name) => {
      const source = readFixture(name).toString('utf8');
      const sourceLines = unfold(source);
      for (const card of await cardsOf(Buffer.from(source))) {
        const parsed = parseVCard(card);
        const writtenLines = unfold(writeVCard(contactOf(parsed), parsed.vcard_extra));
        // The primary labels' synthetic lines are ours: written as labels, never as themselves.
        expect(writtenLines.filter((line) => /^X-CONTACTS-/i.test(line))).toEqual([]);
        const sourceExtras = parsed.vcard_extra === '' ? [] : parsed.vcard_extra.split('\r\n').filter((line) => !isPrimaryLabelLine(line));
        for (const line of sourceExtras) {
          expect(sourceLines).toContain(line);
          expect(writtenLines).toContain(line);
        }
      }
    },
  );

  it("keeps the iOS card's grouped email label, PHOTO;ENCODING=b and X- properties through the round trip", async () => {
    const [source] = await cardsOf(readFixture(VCARD_FIXTURES.ios));
    const parsed = parseVCard(source);
    const written = unfold(writeVCard(contactOf(parsed), parsed.vcard_extra));
    const photo = unfold(source).find((line) => line.startsWith('PHOTO;ENCODING=b;TYPE=JPEG:'));
    expect(photo).toBeDefined();
    expect(written).toContain(photo);
    expect(written).toContain('X-SOCIALPROFILE;type=twitter;x-user=ada:https://twitter.com/ada');
    expect(written).toEqual(
      expect.arrayContaining(['item5.URL;type=pref:https\\://ada.example/notes', 'item5.X-ABLabel:_$!<HomePage>!$_']),
    );
    // The custom "Lab, Room 2" label of item2.EMAIL goes out in a group of its own, not one of the extras'.
    const labelLine = written.find((line) => line.endsWith('X-ABLABEL:Lab\\, Room 2'));
    expect(labelLine).toMatch(/^ITEM(\d+)\./);
    const group = labelLine!.split('.')[0];
    expect(['ITEM4', 'ITEM5', 'ITEM6']).not.toContain(group);
    expect(written).toContain(`${group}.EMAIL:ada.lab@example.org`);
  });
});
