import iconv from 'iconv-lite';
import { detectFormat } from './detect-format.js';
import { readFixture, VCARD_FIXTURES } from './fixtures/fixture-files.js';

const head = (name: string) => readFixture(name).subarray(0, 4096);

describe('detectFormat', () => {
  it('knows a vCard file by its BEGIN:VCARD, whatever the Content-Type says', () => {
    for (const name of [VCARD_FIXTURES.ios, VCARD_FIXTURES.davx5, VCARD_FIXTURES.nokia, VCARD_FIXTURES.nonAscii]) {
      expect(detectFormat('text/vcard', head(name))).toBe('vcard');
      expect(detectFormat('application/octet-stream', head(name))).toBe('vcard');
      expect(detectFormat(undefined, head(name))).toBe('vcard');
    }
    expect(detectFormat('text/plain', Buffer.from('\uFEFF\r\n  begin:vcard\nversion:3.0\n'))).toBe('vcard');
  });

  it('knows a CSV file by its header line', () => {
    for (const name of [VCARD_FIXTURES.googleCsv, VCARD_FIXTURES.googleLegacyCsv, VCARD_FIXTURES.outlookCsv]) {
      expect(detectFormat('text/csv', head(name))).toBe('csv');
      expect(detectFormat(undefined, head(name))).toBe('csv');
    }
    expect(detectFormat('text/csv; charset=utf-8', Buffer.from('first_name;last_name;email;phone\n'))).toBe('csv');
    expect(detectFormat(undefined, iconv.encode('First Name,Last Name,E-mail Address\r\n', 'utf-16le', { addBOM: true }))).toBe('csv');
  });

  it('says null for binary garbage, for a vCard type on text that is no card, and for plain text', () => {
    const garbage = Buffer.alloc(4096);
    for (let at = 0; at < garbage.length; at++) garbage[at] = (at * 7919 + 13) % 256;
    expect(detectFormat('text/vcard', garbage)).toBeNull();
    expect(detectFormat('text/csv', garbage)).toBeNull();
    expect(detectFormat(undefined, garbage)).toBeNull();
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    expect(detectFormat('text/csv', png)).toBeNull();
    expect(detectFormat('text/vcard', Buffer.from('first_name,last_name\n'))).toBeNull();
    expect(detectFormat(undefined, Buffer.from('Hello there\nhow are you\n'))).toBeNull();
    expect(detectFormat('text/csv', Buffer.alloc(0))).toBeNull();
  });
});
