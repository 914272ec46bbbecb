import type { Contact } from '@contacts/wire-types';
import iconv from 'iconv-lite';
import { CsvHeaderError, CsvSyntaxError } from './codec-errors.js';
import { csvRecords, type CsvRecord } from './csv-read.js';
import { CSV_COLUMNS, csvHeaderLine, toCsvLine } from './csv-write.js';
import { readFixture, VCARD_FIXTURES } from './fixtures/fixture-files.js';
import { chunksOf } from './vcard-test-support.js';

async function recordsOf(bytes: Buffer | string, chunkSize?: number): Promise<CsvRecord[]> {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const records: CsvRecord[] = [];
  for await (const record of csvRecords(chunksOf(buffer, chunkSize))) records.push(record);
  return records;
}

async function headerError(text: string): Promise<CsvHeaderError> {
  try {
    await recordsOf(text);
  } catch (error) {
    expect(error).toBeInstanceOf(CsvHeaderError);
    return error as CsvHeaderError;
  }
  throw new Error('read');
}

const ada: Contact = {
  id: 3,
  address_book: 2,
  uid: 'c0ffee00-0000-4000-8000-000000000003',
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: 'ada@example.com',
  phone: '+44 20 7946 0000',
  organization: 'Engines, "Analytical" Ltd.',
  job_title: 'Mathematician',
  notes: 'Line one\nLine two, with a comma; and a semicolon',
  birthday: '--12-10',
  other_emails: [{ label: 'work', value: 'ada@work.example' }],
  other_phones: [{ label: 'Lab, Room 2', value: '+44 20 7946 0002' }],
  addresses: [
    { label: 'home', street: "12 St James's Square\nFlat 3", city: 'London', region: '', postal_code: 'SW1Y 4JH', country: 'UK' },
  ],
  created_at: '2026-11-26T10:00:00.000Z',
  updated_at: '2026-11-26T10:00:00.000Z',
};

describe('our CSV', () => {
  it('writes a header of our field names and one CRLF-ended row per contact', () => {
    expect(csvHeaderLine()).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    const row = toCsvLine(ada);
    expect(row.endsWith('\r\n')).toBe(true);
    expect(row).toContain('"Engines, ""Analytical"" Ltd."');
    expect(row).toContain('"[{""label"":""work"",""value"":""ada@work.example""}]"');
  });

  it('reads back what it writes, losing nothing', async () => {
    const noBirthday = {
      ...ada,
      id: 4,
      email: 'b@example.com',
      uid: 'u-4',
      birthday: null,
      other_emails: [],
      other_phones: [],
      addresses: [],
    };
    const records = await recordsOf(csvHeaderLine() + toCsvLine(ada) + toCsvLine(noBirthday), 13);
    expect(records).toHaveLength(2);
    const { id: _id, address_book: _book, uid, created_at: _c, updated_at: _u, ...fields } = ada;
    expect(records[0]).toEqual({ index: 0, fields, uid, name: 'Ada Lovelace' });
    expect(records[1]).toMatchObject({
      index: 1,
      uid: 'u-4',
      fields: { birthday: null, other_emails: [], other_phones: [], addresses: [] },
    });
  });

  it('takes the columns in any order, and passes a list cell that is not JSON on for the validator', async () => {
    const records = await recordsOf('email,phone,last_name,first_name,other_phones\nx@example.com,+1 555,Doe,Jane,not json\n');
    expect(records[0].fields).toMatchObject({
      first_name: 'Jane',
      last_name: 'Doe',
      email: 'x@example.com',
      phone: '+1 555',
      other_phones: 'not json',
      other_emails: [],
      birthday: null,
    });
    expect(records[0].uid).toBeNull();
  });

  it('refuses a header without one of the four mandatory columns, naming it', async () => {
    const error = await headerError('first_name,last_name,email\nAda,Lovelace,ada@example.com\n');
    expect(error.missing).toEqual(['phone']);
    expect(error.message).toBe('The CSV header lacks the column "phone".');
  });

  it('refuses a header of no format we know, and an empty file', async () => {
    const unknown = await headerError('name;mail\nAda;ada@example.com\n');
    expect(unknown.missing).toEqual(['first_name', 'last_name', 'email', 'phone']);
    expect(unknown.message).toMatch(/none of the columns we read/);
    expect((await headerError('')).message).toBe('The CSV file is empty: it has no header row.');
  });

  it('reads semicolon-separated files and skips empty rows', async () => {
    const records = await recordsOf(
      'first_name;last_name;email;phone\r\nAda;Lovelace;ada@example.com;+1 555\r\n;;;\r\n\r\nGrace;Hopper;grace@example.com;+1 556\r\n',
    );
    expect(records.map((record) => [record.index, record.fields.first_name])).toEqual([
      [0, 'Ada'],
      [1, 'Grace'],
    ]);
  });

  it('closes its source when the reader stops early (a header check reads one record)', async () => {
    let closed = false;
    async function* source(): AsyncGenerator<string> {
      try {
        yield 'first_name,last_name,email,phone\n';
        for (let row = 0; row < 100_000; row++) yield `A${row},B,a${row}@example.com,+1 555\n`;
      } finally {
        closed = true;
      }
    }
    const records = csvRecords(source());
    expect((await records.next()).value).toMatchObject({ index: 0, fields: { first_name: 'A0' } });
    await records.return(undefined);
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(true);
  });

  it('stops with CsvSyntaxError at a quote that never closes', async () => {
    await expect(recordsOf('first_name,last_name,email,phone\nAda,"Love\n')).rejects.toThrow(CsvSyntaxError);
  });
});

describe('Google Contacts exports', () => {
  it('maps today\'s header (First Name, E-mail 1 - Label …), the primary marked with "* "', async () => {
    const [ada, grace, jose] = await recordsOf(readFixture(VCARD_FIXTURES.googleCsv), 100);
    expect(ada).toEqual({
      index: 0,
      uid: null,
      name: 'Ada Lovelace',
      fields: {
        first_name: 'Ada',
        last_name: 'Lovelace',
        email: 'ada@example.com',
        phone: '+44 7700 900123',
        organization: 'Analytical Engines Ltd., Research',
        job_title: 'Mathematician',
        notes: 'Wrote the first program.\nNotes on the engine, 1843.',
        birthday: '1815-12-10',
        other_emails: [
          { label: 'work', value: 'ada@work.example' },
          { label: 'work', value: 'ada@lab.example' },
        ],
        other_phones: [
          { label: 'work', value: '+44 20 7946 0001' },
          { label: 'home fax', value: '+44 20 7946 0003' },
        ],
        addresses: [
          { label: 'home', street: "12 St James's Square", city: 'London', region: '', postal_code: 'SW1Y 4JH', country: 'United Kingdom' },
        ],
      },
    });
    expect(grace.fields).toMatchObject({
      first_name: 'Grace Brewster',
      last_name: 'Hopper',
      email: 'grace@example.net',
      other_emails: [{ label: 'work', value: 'grace@navy.example' }],
      birthday: '--12-09',
    });
    expect(jose.fields).toMatchObject({
      first_name: 'José',
      last_name: 'Müller-Lüdenscheidt',
      email: 'jose@acme.example',
      phone: '+49 170 1234567',
    });
  });

  it('maps the older header (Given Name, Family Name, E-mail 1 - Type, Organization 1 - Name …)', async () => {
    const [ada, alan] = await recordsOf(readFixture(VCARD_FIXTURES.googleLegacyCsv));
    expect(ada.fields).toEqual({
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@example.com',
      phone: '+44 7700 900123',
      organization: 'Analytical Engines Ltd.',
      job_title: 'Mathematician',
      notes: 'First programmer',
      birthday: '1815-12-10',
      other_emails: [{ label: 'work', value: 'ada@work.example' }],
      other_phones: [{ label: 'work', value: '+44 20 7946 0001' }],
      addresses: [
        { label: 'work', street: 'PO Box 42\n1 Engine Way', city: 'London', region: '', postal_code: '', country: 'United Kingdom' },
      ],
    });
    // No Given / Family Name: the names come from "Name".
    expect(alan.fields).toMatchObject({ first_name: 'Alan', last_name: 'Turing', email: 'alan@example.org' });
  });

  it('refuses a Google header without any E-mail column', async () => {
    expect((await headerError('First Name,Last Name,Phone 1 - Label,Phone 1 - Value\nAda,Lovelace,Mobile,+1 555\n')).missing).toEqual([
      'E-mail 1 - Value',
    ]);
  });
});

describe('Outlook exports', () => {
  it('maps its fixed columns, read as Windows-1252 when the file is not UTF-8', async () => {
    const bytes = readFixture(VCARD_FIXTURES.outlookCsv);
    expect(bytes.includes(Buffer.from('Renée', 'utf8'))).toBe(false);
    const [renee, olaf] = await recordsOf(bytes, 512);
    expect(renee).toEqual({
      index: 0,
      uid: null,
      name: 'Renée Müller',
      fields: {
        first_name: 'Renée',
        last_name: 'Müller',
        email: 'renee.mueller@cafe-zuerich.example',
        phone: '+41 79 555 20 20',
        organization: 'Café Zürich AG, Einkauf',
        job_title: 'Leiterin',
        notes: 'Bestellt jeden Montag.\nBevorzugt Anrufe am Vormittag.',
        birthday: '1979-03-14',
        other_emails: [{ label: '', value: 'renee@example.ch' }],
        other_phones: [
          { label: 'work', value: '+41 44 555 10 10' },
          { label: 'home', value: '+41 44 555 30 30' },
          { label: 'work fax', value: '+41 44 555 10 11' },
        ],
        addresses: [
          { label: 'work', street: 'Bahnhofstrasse 1\n3. Stock', city: 'Zürich', region: 'ZH', postal_code: '8001', country: 'Schweiz' },
          { label: 'home', street: 'Seestrasse 9', city: 'Küsnacht', region: '', postal_code: '8700', country: 'Schweiz' },
        ],
      },
    });
    // "Primary Phone" is the primary; the same number in "Business Phone" is not repeated; 0/0/00 is no date.
    expect(olaf.fields).toMatchObject({
      first_name: 'Olaf K.',
      phone: '+47 22 55 50 00',
      other_phones: [{ label: 'car', value: '+47 900 55 500' }],
      birthday: null,
    });
  });

  it('reads the same file saved as UTF-16 (Outlook "Unicode")', async () => {
    const text = iconv.decode(readFixture(VCARD_FIXTURES.outlookCsv), 'windows-1252');
    const records = await recordsOf(iconv.encode(text, 'utf-16le', { addBOM: true }), 1001);
    expect(records.map((record) => record.name)).toEqual(['Renée Müller', 'Olaf K. Nilsen']);
  });

  it('refuses an Outlook-like header without "E-mail Address"', async () => {
    expect((await headerError('First Name,Last Name,Mobile Phone\nAda,Lovelace,+1 555\n')).missing).toEqual(['E-mail Address']);
  });
});
