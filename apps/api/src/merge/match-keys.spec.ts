import {
  emailLocalKey,
  foldName,
  MAX_KEY_LENGTH,
  type Matchable,
  matchKeysOf,
  phoneDigits,
  samePhone,
  similarNames,
} from './match-keys.js';

function contact(fields: Partial<Matchable> = {}): Matchable {
  return { id: 1, first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000', other_emails: [], other_phones: [], ...fields };
}

const name = (first_name: string, last_name: string) => ({ first_name, last_name });

describe('foldName (same name: case, accents and order ignored)', () => {
  it('folds accents away: José/Jose, Zoë/Zoe, Ångström/Angstrom', () => {
    expect(foldName('José', 'García')).toBe(foldName('Jose', 'Garcia'));
    expect(foldName('Zoë', 'Saldaña')).toBe('saldana zoe');
    expect(foldName('Anders', 'Ångström')).toBe('anders angstrom');
    // Precomposed and decomposed spellings of one name are one name.
    expect(foldName('Jos\u00e9', 'X')).toBe(foldName('Jose\u0301', 'X'));
  });

  it('folds the letters NFKD keeps whole (ø, ß, æ, ł) and compatibility forms', () => {
    expect(foldName('Søren', 'Kierkegaard')).toBe(foldName('Soren', 'Kierkegaard'));
    expect(foldName('Jürgen', 'Straße')).toBe('jurgen strasse');
    expect(foldName('Æsa', 'Łukasz')).toBe('aesa lukasz');
    expect(foldName('Ｊｏｈｎ', 'Doe')).toBe('doe john');
  });

  it('"Lovelace, Ada" in the first name, the names swapped, case and extra spaces: all "ada lovelace"', () => {
    const expected = 'ada lovelace';
    expect(foldName('Ada', 'Lovelace')).toBe(expected);
    expect(foldName('Lovelace,', 'Ada')).toBe(expected);
    expect(foldName('Lovelace, Ada', '')).toBe(expected);
    expect(foldName('Lovelace', 'Ada')).toBe(expected);
    expect(foldName('  ADA  ', '  lovelace ')).toBe(expected);
    expect(foldName('Adá', 'LOVELACE')).toBe(expected);
    expect(foldName('ada\tlovelace', '')).toBe(expected);
  });

  it('keeps what tells people apart: a different name, a middle name, digits', () => {
    expect(foldName('Ada', 'Byron')).not.toBe(foldName('Ada', 'Lovelace'));
    expect(foldName('Ada King', 'Lovelace')).toBe('ada king lovelace');
    expect(foldName('John', 'Smith 2')).toBe('2 john smith');
  });

  it('a name of punctuation only folds to ""', () => {
    expect(foldName(' - ', '.')).toBe('');
  });
});

describe('phoneDigits', () => {
  it('keeps digits only', () => {
    expect(phoneDigits('+1 (415) 555-0100')).toBe('14155550100');
    expect(phoneDigits('415.555.0100')).toBe('4155550100');
    expect(phoneDigits('tel:+44-20-7946-0000')).toBe('442079460000');
  });

  it('cuts an extension off: x12, ext. 12, extension 12, ;ext=12, #12, a dial pause', () => {
    for (const phone of ['+1 415 555 0100 x12', '+1 415 555 0100x12', '+1 415 555 0100 ext. 12', '+1 415 555 0100 Ext 12', '+1 415 555 0100 extension 12', '+1-415-555-0100;ext=12', '+1 415 555 0100 #12', '+1 415 555 0100,12']) {
      expect(phoneDigits(phone)).toBe('14155550100');
    }
  });
});

describe('samePhone (the same number, punctuation and country code aside)', () => {
  const LONDON = ['+44 20 7946 0000', '020 7946 0000', '0044 (20) 7946-0000', '+44 (0)20 7946 0000', '44 20 7946 0000', '(+44) 2079460000'];
  const SAN_FRANCISCO = ['+1 (415) 555-0100', '415.555.0100', '1-415-555-0100', '001 415 555 0100', '(415) 555-0100 ext. 7'];

  it('one London number written with and without country code and punctuation', () => {
    for (const a of LONDON) for (const b of LONDON) expect([a, b, samePhone(a, b)]).toEqual([a, b, true]);
  });

  it('one San Francisco number written with and without +1, dots, brackets, an extension', () => {
    for (const a of SAN_FRANCISCO) for (const b of SAN_FRANCISCO) expect([a, b, samePhone(a, b)]).toEqual([a, b, true]);
  });

  it('an Italian number keeps its 0 after the country code', () => {
    expect(samePhone('+39 06 1234 5678', '06 1234 5678')).toBe(true);
  });

  it('different numbers that share their last digits do not match', () => {
    const pairs: Array<[string, string]> = [
      ['+1 415 555 0100', '+1 212 555 0100'],
      ['415 555 0100', '212 555 0100'],
      ['+44 20 7946 0000', '+44 161 7946 0000'],
      ['020 7946 0000', '+44 161 7946 0000'],
      // Both name their country: +1 and +61 are two countries, though one's digits end the other's.
      ['+1 415 555 0100', '+61 415 555 0100'],
      ['+44 20 7946 0000', '+1 20 7946 0000'],
      // More than a country code in front.
      ['+1 415 555 0100', '5550100'],
      ['+44 20 7946 0000', '+44 20 7946 0001'],
    ];
    for (const [a, b] of pairs) {
      expect([a, b, samePhone(a, b)]).toEqual([a, b, false]);
      expect([b, a, samePhone(b, a)]).toEqual([b, a, false]);
    }
  });

  it('fewer than 7 shared digits never match by their ending', () => {
    expect(samePhone('+44 123456', '123456')).toBe(false);
    expect(samePhone('1 555 010', '555 010')).toBe(false);
    expect(samePhone('1 555 0100', '555 0100')).toBe(true);
  });

  it('a number without digits matches nothing, not even itself', () => {
    expect(samePhone('', '')).toBe(false);
    expect(samePhone('()', '()')).toBe(false);
  });
});

describe('emailLocalKey (the email user name)', () => {
  it('dots, dashes, underscores, +tags, case and accents do not count', () => {
    expect(emailLocalKey('ada.lovelace@a.example')).toBe('adalovelace');
    expect(emailLocalKey('adalovelace@b.example')).toBe('adalovelace');
    expect(emailLocalKey('Ada_Love-lace+newsletter@c.example')).toBe('adalovelace');
    expect(emailLocalKey(' zoë.saldaña@d.example ')).toBe('zoesaldana');
  });

  it('generic mailboxes give no key (info@, no-reply@, sales2@ …)', () => {
    for (const email of ['info@a.example', 'INFO@b.example', 'info+tag@c.example', 'no-reply@d.example', 'noreply@e.example', 'contact@f.example', 'hello@g.example', 'Support@h.example', 'sales2@i.example', 'office@j.example', 'admin@k.example', 'mail@l.example']) {
      expect([email, emailLocalKey(email)]).toEqual([email, null]);
    }
  });

  it('a user name shorter than 3 after folding, or no user name at all, gives no key', () => {
    for (const email of ['ab@a.example', 'a.b@a.example', '+tag@a.example', '@a.example', 'not-an-email', '']) {
      expect([email, emailLocalKey(email)]).toEqual([email, null]);
    }
    expect(emailLocalKey('abc@a.example')).toBe('abc');
  });
});

describe('similarNames', () => {
  it('the same folded name', () => {
    expect(similarNames(name('Lovelace,', 'Ada'), name('ADA', 'lovelace'))).toBe(true);
  });

  it('a shared word of two letters or more', () => {
    expect(similarNames(name('Ada', 'Lovelace'), name('Ada', 'King'))).toBe(true);
    expect(similarNames(name('Augusta Ada', 'King'), name('Ada', 'Lovelace'))).toBe(true);
  });

  it('a typo or two', () => {
    expect(similarNames(name('Jonathon', 'Smyth'), name('Jonathan', 'Smith'))).toBe(true);
    expect(similarNames(name('Ada', 'Lovelace'), name('AdaLovelace', ''))).toBe(true);
  });

  it('different people, initials alone, and empty names are not similar', () => {
    expect(similarNames(name('Ada', 'Lovelace'), name('Grace', 'Hopper'))).toBe(false);
    expect(similarNames(name('A', 'B'), name('A', 'C'))).toBe(false);
    expect(similarNames(name('Bob', 'Li'), name('Rob', 'Lu'))).toBe(false);
    expect(similarNames(name('', ''), name('', ''))).toBe(false);
  });
});

describe('matchKeysOf', () => {
  it('every email (exact, and its user name), every phone (its last 7 digits) and the folded name', () => {
    const keys = matchKeysOf(
      contact({
        email: 'Ada.Lovelace@A.example',
        phone: '+44 20 7946 0000',
        other_emails: [{ label: 'home', value: 'ada@b.example' }],
        other_phones: [{ label: 'mobile', value: '+1 (415) 555-0100' }],
      }),
    );
    expect(keys).toEqual([
      { kind: 'email', key: 'ada.lovelace@a.example' },
      { kind: 'local', key: 'adalovelace' },
      { kind: 'email', key: 'ada@b.example' },
      { kind: 'local', key: 'ada' },
      { kind: 'phone', key: '9460000' },
      { kind: 'phone', key: '5550100' },
      { kind: 'name', key: 'ada lovelace' },
    ]);
  });

  it('a number written twice, an email in two spellings: each key once', () => {
    const keys = matchKeysOf(
      contact({
        email: 'ada@example.com',
        phone: '+44 20 7946 0000',
        other_emails: [{ label: '', value: 'ADA@example.com' }],
        other_phones: [{ label: '', value: '020 7946 0000' }],
      }),
    );
    expect(keys.filter((key) => key.kind === 'email')).toEqual([{ kind: 'email', key: 'ada@example.com' }]);
    expect(keys.filter((key) => key.kind === 'phone')).toEqual([{ kind: 'phone', key: '9460000' }]);
  });

  it('too short numbers and generic mailboxes give no key', () => {
    const keys = matchKeysOf(contact({ email: 'info@example.com', phone: '112', other_phones: [{ label: '', value: '555 010' }] }));
    expect(keys).toEqual([
      { kind: 'email', key: 'info@example.com' },
      { kind: 'name', key: 'ada lovelace' },
    ]);
  });

  it('an extension is not part of the phone key', () => {
    const [phone] = matchKeysOf(contact({ phone: '+1 415 555 0100 ext. 12' })).filter((key) => key.kind === 'phone');
    expect(phone).toEqual({ kind: 'phone', key: '5550100' });
  });

  it('contacts one person apart share their keys; strangers share none', () => {
    const shared = (a: Matchable, b: Matchable) => {
      const ofB = new Set(matchKeysOf(b).map(({ kind, key }) => `${kind}:${key}`));
      return matchKeysOf(a)
        .map(({ kind, key }) => `${kind}:${key}`)
        .filter((key) => ofB.has(key));
    };
    const ada = contact({ first_name: 'Adá', last_name: 'Lovelace', email: 'ada.lovelace@a.example', phone: '+44 20 7946 0000' });
    const again = contact({ id: 2, first_name: 'Lovelace,', last_name: 'ADA', email: 'adalovelace@b.example', phone: '0044 (20) 7946-0000' });
    expect(shared(ada, again)).toEqual(['local:adalovelace', 'phone:9460000', 'name:ada lovelace']);
    const grace = contact({ id: 3, first_name: 'Grace', last_name: 'Hopper', email: 'grace@navy.example', phone: '+1 212 555 0199' });
    expect(shared(ada, grace)).toEqual([]);
  });

  it('keeps every key within 200 characters, never splitting a character in two', () => {
    const long = `${'a'.repeat(MAX_KEY_LENGTH - 1)}😀${'b'.repeat(60)}@example.com`;
    const keys = matchKeysOf(contact({ email: long, first_name: '😀'.repeat(100), last_name: 'x'.repeat(100) }));
    for (const { key } of keys) {
      expect(key.length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
      // encodeURIComponent refuses half of a surrogate pair.
      expect(() => encodeURIComponent(key)).not.toThrow();
    }
    expect(keys.find((key) => key.kind === 'email')?.key).toBe('a'.repeat(MAX_KEY_LENGTH - 1));
  });

  it('builds the keys of 2,000 contacts alike (a sanity run, no timing)', () => {
    const keys = Array.from({ length: 2_000 }, (_, index) =>
      matchKeysOf(contact({ id: index, first_name: `Zoë${index}`, email: `zoe.${index}@a.example`, phone: `+44 20 7946 ${String(index).padStart(4, '0')}` })),
    );
    expect(keys[1999]).toEqual([
      { kind: 'email', key: 'zoe.1999@a.example' },
      { kind: 'local', key: 'zoe1999' },
      { kind: 'phone', key: '9461999' },
      { kind: 'name', key: 'lovelace zoe1999' },
    ]);
  });
});
