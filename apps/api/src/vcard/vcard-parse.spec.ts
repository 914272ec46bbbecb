import { VCardSyntaxError } from './codec-errors.js';
import { readFixture, VCARD_FIXTURES } from './fixtures/fixture-files.js';
import { parseVCard, type ParsedCard } from './vcard-parse.js';
import { cardsOf, unfold } from './vcard-test-support.js';

async function parsedFixture(name: string): Promise<ParsedCard[]> {
  return (await cardsOf(readFixture(name))).map(parseVCard);
}

const card = (...lines: string[]) => ['BEGIN:VCARD', ...lines, 'END:VCARD'].join('\r\n') + '\r\n';

describe('parseVCard', () => {
  describe('an iOS 3.0 export', () => {
    let ada: ParsedCard;
    let grace: ParsedCard;
    beforeAll(async () => {
      [ada, grace] = await parsedFixture(VCARD_FIXTURES.ios);
    });

    it('maps the modelled properties, the TYPE=pref email and phone being the primary ones', () => {
      expect(ada.fields).toEqual({
        first_name: 'Ada Augusta',
        last_name: 'Lovelace',
        email: 'ada@example.com',
        phone: '+44 7700 900123',
        organization: 'Analytical Engines Ltd., Research',
        job_title: 'Mathematician',
        notes: 'Wrote the first program.\nNotes on the Analytical Engine, 1843.',
        birthday: '1815-12-10',
        other_emails: [
          { label: 'work', value: 'ada@analytical.example' },
          { label: 'Lab, Room 2', value: 'ada.lab@example.org' },
        ],
        other_phones: [
          { label: 'home', value: '+44 20 7946 0001' },
          { label: 'main', value: '+44 20 7946 0002' },
          { label: 'work fax', value: '+44 20 7946 0003' },
        ],
        addresses: [
          {
            label: 'home',
            street: "12 St James's Square\nFlat 3",
            city: 'London',
            region: '',
            postal_code: 'SW1Y 4JH',
            country: 'United Kingdom',
          },
        ],
      });
      expect(ada.uid).toBeNull();
      expect(ada.name).toBe('Ada Augusta Lovelace');
    });

    it('keeps every unmodelled line as the card has it: the photo, X- properties, groups whose label belongs to them', () => {
      const source = unfold(readFixture(VCARD_FIXTURES.ios).toString('utf8'));
      const photo = source.find((line) => line.startsWith('PHOTO;'));
      expect(photo).toMatch(/^PHOTO;ENCODING=b;TYPE=JPEG:\/9j\/4AAQ[A-Za-z0-9+/=]{1000,}$/);
      expect(ada.vcard_extra.split('\r\n')).toEqual([
        // The primary email's and phone's labels (item1's X-ABLabel, TYPE=CELL), which the model cannot hold.
        'X-CONTACTS-PRIMARY-LABEL;TYPE=EMAIL:other',
        'X-CONTACTS-PRIMARY-LABEL;TYPE=TEL:mobile',
        'NICKNAME:Countess of Lovelace',
        'item4.X-ABADR:gb',
        'item5.URL;type=pref:https\\://ada.example/notes',
        'item5.X-ABLabel:_$!<HomePage>!$_',
        'item6.X-ABRELATEDNAMES;type=pref:Charles Babbage',
        'item6.X-ABLabel:_$!<Friend>!$_',
        'X-SOCIALPROFILE;type=twitter;x-user=ada:https://twitter.com/ada',
        photo,
        'CATEGORIES:Scientists,Friends',
      ]);
    });

    it("reads Apple's year-less birthday and its iPhone label", () => {
      expect(grace.fields).toMatchObject({
        first_name: 'Grace Brewster Murray',
        last_name: 'Hopper',
        email: 'grace@example.net',
        phone: '+1 202 555 0100',
        birthday: '--12-09',
        other_phones: [{ label: 'iphone', value: '+1 202 555 0147' }],
        addresses: [{ label: 'work', street: '1 Navy Yard', city: 'Washington', region: 'DC', postal_code: '20374', country: 'USA' }],
      });
      expect(grace.vcard_extra).toBe(
        [
          'X-CONTACTS-PRIMARY-LABEL;TYPE=EMAIL:home',
          'X-CONTACTS-PRIMARY-LABEL;TYPE=TEL:main',
          'item1.X-ABADR:us',
          'item2.X-ABDATE;type=pref:1930-06-15', 'item2.X-ABLabel:_$!<Anniversary>!$_', 'X-ABShowAs:PERSON',
        ].join('\r\n'),
      );
    });
  });

  describe('a DAVx5 (Android) 4.0 card', () => {
    let jose: ParsedCard;
    beforeAll(async () => {
      [jose] = await parsedFixture(VCARD_FIXTURES.davx5);
    });

    it('reads tel: and mailto: URIs, PREF=1, quoted TYPE lists, BDAY without a year and ADR with TYPE', () => {
      expect(jose.uid).toBe('urn:uuid:0b6e4f1c-9a8e-4d5e-9f3b-1c2d3e4f5a6b');
      expect(jose.fields).toEqual({
        first_name: 'José',
        last_name: 'Müller-Lüdenscheidt',
        email: 'jose@acme.example',
        phone: '+49-170-1234567',
        organization: 'ACME Forschung GmbH',
        job_title: 'Ingenieur',
        notes: 'Kennengelernt auf der FOSDEM, 2024.\nSpricht Deutsch und Spanisch.',
        birthday: '--12-10',
        other_emails: [{ label: 'home', value: 'jose@home.example' }],
        other_phones: [
          { label: 'work', value: '+49-30-1234567' },
          { label: 'home fax', value: '+49-30-7654321' },
          { label: 'Werkstatt', value: '+49-30-5550000' },
        ],
        addresses: [
          { label: 'home', street: 'Hauptstraße 1', city: 'Berlin', region: '', postal_code: '10115', country: 'Deutschland' },
          { label: 'work', street: 'Friedrichstraße 100', city: 'Berlin', region: 'Berlin', postal_code: '10117', country: 'Deutschland' },
        ],
      });
    });

    it('keeps the data: URI photo and the X-ANDROID-* lines byte for byte', () => {
      const source = unfold(readFixture(VCARD_FIXTURES.davx5).toString('utf8'));
      const extras = jose.vcard_extra.split('\r\n');
      expect(extras.slice(0, 2)).toEqual(['X-CONTACTS-PRIMARY-LABEL;TYPE=EMAIL:work', 'X-CONTACTS-PRIMARY-LABEL;TYPE=TEL:mobile']);
      for (const line of extras.slice(2)) expect(source).toContain(line);
      expect(extras).toContain('X-ANDROID-CUSTOM:vnd.android.cursor.item/relation;Maria;14;;;;;;;;;;;;;');
      expect(extras.find((line) => line.startsWith('PHOTO:'))).toMatch(/^PHOTO:data:image\/jpeg;base64,\/9j\/[A-Za-z0-9+/=]{1500,}$/);
      expect(extras.map((line) => line.split(/[;:]/)[0])).toEqual([
        'X-CONTACTS-PRIMARY-LABEL',
        'X-CONTACTS-PRIMARY-LABEL',
        'X-PHONETIC-FIRST-NAME',
        'NICKNAME',
        'ANNIVERSARY',
        'URL',
        'IMPP',
        'X-ANDROID-CUSTOM',
        'RELATED',
        'GENDER',
        'CATEGORIES',
        'PHOTO',
      ]);
    });
  });

  describe('a Nokia 2.1 export', () => {
    let ayse: ParsedCard;
    let juergen: ParsedCard;
    beforeAll(async () => {
      [ayse, juergen] = await parsedFixture(VCARD_FIXTURES.nokia);
    });

    it('decodes quoted-printable (soft line breaks, CHARSET) and reads bare types', () => {
      expect(ayse.fields).toEqual({
        first_name: 'Ayşe',
        last_name: 'Öztürk',
        email: 'ayse@example.com.tr',
        phone: '+905321234567',
        organization: 'Café Müller',
        job_title: 'Manager',
        notes: 'Bu not uzun bir satır ve yumuşak satır sonlarıyla bölünmüştür.\nİkinci satır.',
        birthday: '1985-04-12',
        other_emails: [{ label: 'work', value: 'ayse.ozturk@firma.example' }],
        other_phones: [
          { label: 'work', value: '+902121234567' },
          { label: 'home', value: '+902163334455' },
        ],
        addresses: [
          { label: 'home', street: 'İstiklal Caddesi 1', city: 'İstanbul', region: '', postal_code: '34430', country: 'Türkiye' },
        ],
      });
      expect(ayse.name).toBe('Ayşe Öztürk');
    });

    it('keeps the unmodelled 2.1 lines decoded, as 3.0 lines (a base64 photo as ENCODING=b without its indents)', () => {
      const extras = ayse.vcard_extra.split('\r\n');
      expect(extras.slice(0, 3)).toEqual([
        // TEL;CELL;PREF: the primary phone's label (the primary email's INTERNET is none).
        'X-CONTACTS-PRIMARY-LABEL;TYPE=TEL:mobile',
        'X-EPOCSECONDNAME:Ayşo',
        'X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Çiçek;1;;;;;;;;;;;;;',
      ]);
      expect(extras[3]).toMatch(/^PHOTO;ENCODING=b;TYPE=JPEG:\/9j\/4AAQ[A-Za-z0-9+/=]{300,}$/);
      expect(extras[4]).toBe('X-IRMC-LUID:000200000042');
    });

    it('reads a card whose bytes are ISO-8859-1 as its CHARSET says', () => {
      expect(juergen.fields).toMatchObject({
        first_name: 'Jürgen',
        last_name: 'Müller',
        email: 'juergen@example.de',
        phone: '+49 171 5550123',
        notes: 'Grüße aus Köln',
      });
    });
  });

  describe('non-ASCII names and folded lines', () => {
    it('unfolds lines folded between multi-byte characters', async () => {
      const [zoe, bruce, fyodor] = await parsedFixture(VCARD_FIXTURES.nonAscii);
      expect(zoe.fields).toMatchObject({
        first_name: 'Zoë Åsa',
        last_name: 'Ñúñez-Ødegård',
        notes:
          '東京で会った。彼女は日本語とフランス語を話す。🎉 Zoë préfère le thé vert — ça va très bien, merci beaucoup! Ελληνικά κείμενα επίσης. Русский текст тоже.',
        organization: 'Société Générale des Très Longues Dénominations Commerciales et Industrielles Réunies',
      });
      expect(bruce.fields.addresses[0].street).toBe('九龍塘金巴倫道四十一號一樓及二樓全層連平台及花園');
      expect(bruce.vcard_extra).toBe('X-CUSTOM-NOTE:😀😃😄😁😆😅🤣😂🙂🙃😉😊😇🥰😍🤩😘😗😚😙😋😛😜🤪😝🤑🤗🤭🤫🤔');
      // N is empty: the names come from FN.
      expect(fyodor.fields).toMatchObject({ first_name: 'Фёдор', last_name: 'Достоевский' });
    });
  });

  describe('the mapping', () => {
    it('takes the names from FN when N is empty or missing', () => {
      expect(parseVCard(card('VERSION:3.0', 'FN:Ada King Lovelace', 'EMAIL:a@example.com')).fields).toMatchObject({
        first_name: 'Ada King',
        last_name: 'Lovelace',
      });
      expect(parseVCard(card('VERSION:3.0', 'FN:Cher', 'N:;;;;')).fields).toMatchObject({ first_name: 'Cher', last_name: '' });
    });

    it('reads BDAY in its forms, and keeps one it cannot hold as an extra', () => {
      const bday = (line: string, version = '3.0') => parseVCard(card(`VERSION:${version}`, 'FN:A B', line));
      expect(bday('BDAY:18151210').fields.birthday).toBe('1815-12-10');
      expect(bday('BDAY:1815-12-10').fields.birthday).toBe('1815-12-10');
      expect(bday('BDAY:1815-12-10T00:00:00Z').fields.birthday).toBe('1815-12-10');
      expect(bday('BDAY:--1210', '4.0').fields.birthday).toBe('--12-10');
      expect(bday('BDAY:--12-10').fields.birthday).toBe('--12-10');
      const text = bday('BDAY;VALUE=text:circa 1800', '4.0');
      expect(text.fields.birthday).toBeNull();
      expect(text.vcard_extra).toBe('BDAY;VALUE=text:circa 1800');
    });

    it('unescapes text values (\\, \\; \\n \\\\) and keeps several NOTE values as written', () => {
      const parsed = parseVCard(card('VERSION:3.0', 'FN:A B', 'NOTE:a\\;b\\, c\\nd\\\\e', 'TITLE:Chief\\; Engineer', 'ORG:Acme\\; Co;Lab'));
      expect(parsed.fields).toMatchObject({ notes: 'a;b, c\nd\\e', job_title: 'Chief; Engineer', organization: 'Acme; Co, Lab' });
    });

    it('makes the first email and phone primary when none is preferred, and the lowest PREF when several are', () => {
      const plain = parseVCard(card('VERSION:3.0', 'FN:A B', 'EMAIL:one@example.com', 'EMAIL;TYPE=WORK:two@example.com'));
      expect(plain.fields).toMatchObject({ email: 'one@example.com', other_emails: [{ label: 'work', value: 'two@example.com' }] });
      const ranked = parseVCard(
        card('VERSION:4.0', 'FN:A B', 'EMAIL;PREF=50:one@example.com', 'EMAIL;PREF=2:two@example.com', 'TEL;PREF=1:tel:+1 555'),
      );
      expect(ranked.fields).toMatchObject({
        email: 'two@example.com',
        other_emails: [{ label: '', value: 'one@example.com' }],
        phone: '+1 555',
      });
    });

    it('keeps an X-ABLabel of a group that also holds an unmodelled property, and drops VERSION, PRODID and REV', () => {
      const parsed = parseVCard(
        card(
          'VERSION:3.0',
          'PRODID:-//x//y',
          'FN:A B',
          'REV:2020-01-01T00:00:00Z',
          'item1.TEL:+1 555',
          'item1.URL:https://x.example',
          'item1.X-ABLabel:Both',
        ),
      );
      expect(parsed.fields.phone).toBe('+1 555');
      expect(parsed.vcard_extra).toBe('X-CONTACTS-PRIMARY-LABEL;TYPE=TEL:Both\r\nitem1.URL:https://x.example\r\nitem1.X-ABLabel:Both');
    });

    it('names bare 2.1 parameters in a 3.0 card too, so the stored line is valid 3.0', () => {
      const parsed = parseVCard(card('VERSION:3.0', 'FN:A B', 'TEL;CELL:+1 555', 'X-FOO;HOME;CHARSET=UTF-8:bar'));
      expect(parsed.fields.phone).toBe('+1 555');
      expect(parsed.vcard_extra).toBe('X-CONTACTS-PRIMARY-LABEL;TYPE=TEL:mobile\r\nX-FOO;TYPE=HOME:bar');
    });

    it('keeps properties named like Object members as extras', () => {
      expect(parseVCard(card('VERSION:3.0', 'FN:A B', 'constructor:x', '__proto__:y')).vcard_extra).toBe('constructor:x\r\n__proto__:y');
    });

    it('passes over empty emails, phones and addresses', () => {
      const parsed = parseVCard(
        card('VERSION:3.0', 'FN:A B', 'EMAIL;TYPE=pref:', 'EMAIL:real@example.com', 'TEL:', 'ADR;TYPE=home:;;;;;;'),
      );
      expect(parsed.fields).toMatchObject({ email: 'real@example.com', other_emails: [], phone: '', addresses: [] });
    });

    it('gives a card without email an empty one (the validator decides), and a name from the email', () => {
      const parsed = parseVCard(card('VERSION:3.0', 'N:;;;;', 'TEL:+1 555'));
      expect(parsed.fields).toMatchObject({ first_name: '', last_name: '', email: '', phone: '+1 555' });
      expect(parseVCard(card('VERSION:3.0', 'EMAIL:x@example.com')).name).toBe('x@example.com');
    });
  });

  describe("the primary email's and phone's labels", () => {
    it.each([
      [
        "Apple's custom X-ABLabel",
        ['item1.EMAIL;type=INTERNET;type=pref:ada@example.com', 'item1.X-ABLabel:Lab\\, Room 2'],
        'X-CONTACTS-PRIMARY-LABEL;TYPE=EMAIL:Lab\\, Room 2',
      ],
      [
        "Apple's _$!<Other>!$_",
        ['item1.EMAIL;type=INTERNET;type=pref:ada@example.com', 'item1.X-ABLabel:_$!<Other>!$_'],
        'X-CONTACTS-PRIMARY-LABEL;TYPE=EMAIL:other',
      ],
      [
        "DAVx5's davdroid1.X-ABLabel",
        ['davdroid1.EMAIL;TYPE=x-internet:ada@example.com', 'davdroid1.X-ABLabel:Internet'],
        'X-CONTACTS-PRIMARY-LABEL;TYPE=EMAIL:Internet',
      ],
      ['EMAIL;TYPE=INTERNET,WORK', ['EMAIL;TYPE=INTERNET,WORK:ada@example.com'], 'X-CONTACTS-PRIMARY-LABEL;TYPE=EMAIL:work'],
      ['TEL;TYPE=CELL', ['EMAIL:ada@example.com', 'TEL;TYPE=CELL:+1 555'], 'X-CONTACTS-PRIMARY-LABEL;TYPE=TEL:mobile'],
    ])('%s: kept as one synthetic line first in vcard_extra, the group label consumed', (_name, lines, synthetic) => {
      const parsed = parseVCard(card('VERSION:3.0', 'FN:Ada L', ...lines, 'X-FOO:bar'));
      expect(parsed.fields).toMatchObject({ email: 'ada@example.com', other_emails: [], other_phones: [] });
      expect(parsed.vcard_extra).toBe(`${synthetic}\r\nX-FOO:bar`);
    });

    it("reads a 2.1 card's bare TEL;CELL as the primary phone's label", () => {
      const parsed = parseVCard(card('VERSION:2.1', 'N:L;Ada', 'EMAIL;INTERNET;HOME:ada@example.com', 'TEL;CELL:+1 555'));
      expect(parsed.fields).toMatchObject({ email: 'ada@example.com', phone: '+1 555' });
      expect(parsed.vcard_extra).toBe('X-CONTACTS-PRIMARY-LABEL;TYPE=EMAIL:home\r\nX-CONTACTS-PRIMARY-LABEL;TYPE=TEL:mobile');
    });

    it('records only the primary one (the preferred), and nothing for an unlabelled primary', () => {
      const ranked = parseVCard(card('VERSION:3.0', 'FN:A B', 'EMAIL;TYPE=HOME:one@example.com', 'EMAIL;TYPE=WORK,pref:two@example.com'));
      expect(ranked.fields).toMatchObject({ email: 'two@example.com', other_emails: [{ label: 'home', value: 'one@example.com' }] });
      expect(ranked.vcard_extra).toBe('X-CONTACTS-PRIMARY-LABEL;TYPE=EMAIL:work');
      const plain = parseVCard(card('VERSION:3.0', 'FN:A B', 'EMAIL;TYPE=INTERNET:one@example.com', 'TEL;TYPE=VOICE:+1 555', 'TEL;TYPE=HOME:+1 556'));
      expect(plain.vcard_extra).toBe('');
    });

    it("does not keep a card's own X-CONTACTS-PRIMARY-LABEL (the name is ours), and escapes the label as vCard text", () => {
      const parsed = parseVCard(
        card('VERSION:3.0', 'FN:A B', 'X-CONTACTS-PRIMARY-LABEL;TYPE=TEL:forged', 'item1.EMAIL:a@example.com', 'item1.X-ABLabel:a\\;b\\\\c\\nd'),
      );
      expect(parsed.vcard_extra).toBe('X-CONTACTS-PRIMARY-LABEL;TYPE=EMAIL:a\\;b\\\\c\\nd');
    });
  });

  describe('broken cards', () => {
    const syntaxError = (text: string) => {
      try {
        parseVCard(text);
      } catch (error) {
        expect(error).toBeInstanceOf(VCardSyntaxError);
        return (error as Error).message;
      }
      throw new Error('parsed');
    };

    it('says which line is not a property', () => {
      expect(syntaxError(card('VERSION:3.0', 'FN:Ada', 'this is garbage', 'EMAIL:a@example.com'))).toBe(
        'Line 4: "this is garbage" is not a vCard property (no token ";" or ":").',
      );
    });

    it('refuses a card without END:VCARD, without BEGIN:VCARD, with text after it or an unknown version', () => {
      expect(syntaxError('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\n')).toBe('The card has no END:VCARD.');
      expect(syntaxError('FN:Ada\r\nEND:VCARD\r\n')).toBe('Line 1: a card starts with BEGIN:VCARD, not "FN:Ada".');
      expect(syntaxError(card('VERSION:3.0', 'FN:Ada') + 'FN:Again\r\n')).toBe('Line 5: "FN:Again" after END:VCARD.');
      expect(syntaxError(card('VERSION:5.0', 'FN:Ada'))).toBe('vCard version "5.0" is not supported (2.1, 3.0 and 4.0 are).');
      expect(syntaxError('')).toBe('The card is empty.');
    });

    it('refuses an unclosed quote in a parameter without quoting a huge line back', () => {
      const message = syntaxError(card('VERSION:3.0', `PHOTO;X-A="unclosed:${'A'.repeat(10_000)}`));
      expect(message).toMatch(/^Line 3: "PHOTO;X-A="unclosed:A+\.\.\." is not a vCard property/);
      expect(message.length).toBeLessThan(200);
    });
  });
});
