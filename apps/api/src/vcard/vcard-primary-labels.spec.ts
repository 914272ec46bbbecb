import { parseVCard } from './vcard-parse.js';
import { primaryLabelLines, takePrimaryLabels } from './vcard-primary-labels.js';
import { contactOf, unfold } from './vcard-test-support.js';
import { writeVCard } from './vcard-write.js';

const card = (version: string, ...lines: string[]) =>
  ['BEGIN:VCARD', `VERSION:${version}`, 'N:Lovelace;Ada;;;', ...lines, 'END:VCARD'].join('\r\n') + '\r\n';

/** What CardDAV clients send for a labelled primary email or phone, and how we write it back. */
const CASES: [name: string, source: string, label: { email?: string; phone?: string }, writtenLines: string[]][] = [
  [
    "Apple's item1 with a custom X-ABLabel",
    card('3.0', 'item1.EMAIL;type=INTERNET;type=pref:ada@example.com', 'item1.X-ABLabel:Lab\\, Room 2'),
    { email: 'Lab, Room 2' },
    ['ITEM1.EMAIL;TYPE=pref:ada@example.com', 'ITEM1.X-ABLABEL:Lab\\, Room 2'],
  ],
  [
    "Apple's item1 with _$!<Other>!$_",
    card('3.0', 'item1.EMAIL;type=INTERNET;type=pref:ada@example.com', 'item1.X-ABLabel:_$!<Other>!$_', 'item2.URL:https://x.example', 'item2.X-ABLabel:Site'),
    { email: 'other' },
    ['ITEM1.EMAIL;TYPE=pref:ada@example.com', 'ITEM1.X-ABLABEL:_$!<Other>!$_'],
  ],
  [
    "DAVx5's davdroid1.X-ABLabel:Internet",
    card('3.0', 'davdroid1.EMAIL;TYPE=x-internet:ada@example.com', 'davdroid1.X-ABLabel:Internet', 'TEL;TYPE=cell:+49 170 1'),
    { email: 'Internet', phone: 'mobile' },
    ['ITEM1.EMAIL;TYPE=pref:ada@example.com', 'ITEM1.X-ABLABEL:Internet', 'TEL;TYPE=pref,cell:+49 170 1'],
  ],
  [
    'EMAIL;TYPE=INTERNET,WORK',
    card('3.0', 'EMAIL;TYPE=INTERNET,WORK:ada@example.com', 'EMAIL;TYPE=HOME:ada@home.example'),
    { email: 'work' },
    ['EMAIL;TYPE=pref,work:ada@example.com', 'EMAIL;TYPE=home:ada@home.example'],
  ],
  [
    'TEL;TYPE=CELL',
    card('4.0', 'EMAIL:ada@example.com', 'TEL;TYPE=CELL:+1 555 0100', 'TEL;TYPE=WORK:+1 555 0101'),
    { phone: 'mobile' },
    ['TEL;TYPE=pref,cell:+1 555 0100', 'TEL;TYPE=work:+1 555 0101'],
  ],
  [
    "a 2.1 card's bare TEL;CELL",
    card('2.1', 'EMAIL;INTERNET:ada@example.com', 'TEL;CELL:+1 555 0100', 'TEL;HOME:+1 555 0102'),
    { phone: 'mobile' },
    ['TEL;TYPE=pref,cell:+1 555 0100', 'TEL;TYPE=home:+1 555 0102'],
  ],
];

describe("the primary email's and phone's labels through the codec", () => {
  it.each(CASES)('%s: parse → write → parse keeps the label, the fields and the extras', (_name, source, label, writtenLines) => {
    const first = parseVCard(source);
    expect(takePrimaryLabels(first.vcard_extra.split('\r\n')).labels).toEqual({ email: label.email ?? '', tel: label.phone ?? '' });

    const written = writeVCard(contactOf(first), first.vcard_extra);
    const lines = unfold(written);
    expect(lines).toEqual(expect.arrayContaining(writtenLines));
    // Other programs see a normal labelled EMAIL / TEL, never our line.
    expect(lines.filter((line) => /X-CONTACTS/i.test(line))).toEqual([]);

    const second = parseVCard(written);
    expect(second.fields).toEqual(first.fields);
    expect(second.vcard_extra).toBe(first.vcard_extra);
    expect(writeVCard(contactOf(second), second.vcard_extra)).toBe(written);
  });

  it('gives back any label the synthetic line holds (escapes, line breaks, Apple spellings)', () => {
    for (const label of ['Lab, Room 2', 'a;b', 'back\\slash', 'two\nlines', '_$!<Other>!$_', 'Ünïcødé', 'pref']) {
      const lines = primaryLabelLines({ email: label, tel: label });
      expect(lines).toHaveLength(2);
      expect(lines.every((line) => !/[\r\n]/.test(line))).toBe(true);
      expect(takePrimaryLabels([...lines, 'X-FOO:bar'])).toEqual({ labels: { email: label, tel: label }, lines: ['X-FOO:bar'] });
    }
    expect(primaryLabelLines({ email: '', tel: '' })).toEqual([]);
  });
});
