import { appleLabelFor, labelFromApple, labelFromTypes, typesForLabel, type LabelKind } from './vcard-labels.js';

/** What reading a label back gives, by the way writeVCard writes it (TYPE, else X-ABLabel). */
function readBack(kind: LabelKind, label: string): string {
  const types = typesForLabel(kind, label);
  return types !== null ? labelFromTypes(kind, types) : labelFromApple(appleLabelFor(label));
}

describe('labels', () => {
  it('reads TYPE values as lower-case words without the silent ones, CELL as "mobile"', () => {
    expect(labelFromTypes('tel', ['CELL', 'VOICE', 'pref'])).toBe('mobile');
    expect(labelFromTypes('tel', ['WORK', 'FAX'])).toBe('work fax');
    expect(labelFromTypes('tel', ['IPHONE', 'CELL', 'VOICE'])).toBe('iphone');
    expect(labelFromTypes('email', ['INTERNET', 'pref'])).toBe('');
    expect(labelFromTypes('email', ['INTERNET', 'HOME'])).toBe('home');
    expect(labelFromTypes('adr', ['HOME', 'pref'])).toBe('home');
    expect(labelFromTypes('tel', ['MAIN'])).toBe('main');
  });

  it("reads Apple's built-in labels as words and custom ones as they are", () => {
    expect(labelFromApple('_$!<Mobile>!$_')).toBe('mobile');
    expect(labelFromApple('_$!<HomePage>!$_')).toBe('home page');
    expect(labelFromApple('_$!<HomeFAX>!$_')).toBe('home fax');
    expect(labelFromApple('_$!<Other>!$_')).toBe('other');
    expect(labelFromApple('_$!<Anniversary>!$_')).toBe('anniversary');
    expect(labelFromApple('Lab, Room 2')).toBe('Lab, Room 2');
    expect(labelFromApple('_$!<constructor>!$_')).toBe('constructor');
    expect(labelFromTypes('tel', ['constructor', 'toString'])).toBe('constructor tostring');
  });

  it('writes a label through TYPE only when TYPE gives it back', () => {
    expect(typesForLabel('tel', 'mobile')).toEqual(['cell']);
    expect(typesForLabel('tel', 'work fax')).toEqual(['work', 'fax']);
    expect(typesForLabel('tel', '')).toEqual([]);
    for (const custom of ['cell', 'Home', 'voice', 'pref', 'home home', 'iphone', 'Werkstatt'])
      expect(typesForLabel('tel', custom)).toBeNull();
    expect(typesForLabel('email', 'fax')).toBeNull();
    expect(appleLabelFor('other')).toBe('_$!<Other>!$_');
    expect(appleLabelFor('Werkstatt')).toBe('Werkstatt');
  });

  it('gives every label back as it was (cell and mobile both stay what they are)', () => {
    const labels = [
      '',
      'home',
      'work',
      'mobile',
      'cell',
      'Mobile',
      'work fax',
      'fax work',
      'home fax',
      'other',
      'main',
      'iphone',
      'pager',
      'voice',
      'pref',
      'internet',
      'Lab, Room 2',
      'a;b',
      'home page',
      'x-custom',
      'iPhone',
      'Ünïcødé',
    ];
    for (const kind of ['email', 'tel', 'adr'] as const) {
      for (const label of labels) expect({ kind, label, back: readBack(kind, label) }).toEqual({ kind, label, back: label });
    }
  });
});
