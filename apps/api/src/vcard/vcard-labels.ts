/**
 * Labels of emails, phones and addresses ⇄ vCard TYPE values and Apple's X-ABLabel.
 *
 * A label read from TYPE is its values in lower case, joined by a space, without the ones that
 * say nothing about the kind of number or address (`pref`, `internet` for an email, `voice`
 * for a phone), and with `cell` called "mobile" (what Apple and Android show): `TYPE=WORK,FAX`
 * → "work fax", `TYPE=CELL,VOICE` → "mobile". A label read from an X-ABLabel is its text,
 * Apple's own `_$!<Mobile>!$_` spellings turned into words ("mobile").
 *
 * Writing goes back through TYPE only when reading that TYPE gives the very same label again;
 * any other label (a custom one, "Home" in capitals, "cell", "voice", "pref") goes out as Apple
 * writes it, `itemN.TEL` + `itemN.X-ABLabel`. So every label survives export → import as it
 * was, and a card's labels are stable after one pass.
 */

export type LabelKind = 'email' | 'tel' | 'adr';

/** TYPE values that carry no label (preference, or the kind's default). */
const SILENT: Readonly<Record<LabelKind, ReadonlySet<string>>> = {
  email: new Set(['pref', 'internet']),
  tel: new Set(['pref', 'voice']),
  adr: new Set(['pref']),
};

/** Label words that go out as TYPE values (RFC 2426 / RFC 6350 types), "mobile" as CELL. */
const STANDARD: Readonly<Record<LabelKind, ReadonlySet<string>>> = {
  email: new Set(['home', 'work', 'x400']),
  tel: new Set(['home', 'work', 'mobile', 'fax', 'pager', 'msg', 'video', 'bbs', 'modem', 'car', 'isdn', 'pcs', 'text', 'textphone']),
  adr: new Set(['home', 'work', 'dom', 'intl', 'postal', 'parcel']),
};

const TYPE_TO_WORD: ReadonlyMap<string, string> = new Map([['cell', 'mobile']]);
const WORD_TO_TYPE: ReadonlyMap<string, string> = new Map([['mobile', 'cell']]);

/** Apple's built-in labels (`_$!<HomeFAX>!$_`) and the words we keep for them. */
const APPLE_LABELS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    Mobile: 'mobile',
    iPhone: 'iphone',
    Home: 'home',
    Work: 'work',
    Main: 'main',
    HomeFAX: 'home fax',
    WorkFAX: 'work fax',
    OtherFAX: 'other fax',
    Pager: 'pager',
    Other: 'other',
    School: 'school',
    HomePage: 'home page',
  }),
);
const APPLE_SPELLING: ReadonlyMap<string, string> = new Map([...APPLE_LABELS].map(([apple, word]) => [word, `_$!<${apple}>!$_`]));
const APPLE_BUILT_IN = /^_\$!<(.*)>!\$_$/;

/** The label a property's TYPE values give. */
export function labelFromTypes(kind: LabelKind, types: readonly string[]): string {
  const words: string[] = [];
  for (const type of types) {
    const value = type.trim().toLowerCase();
    if (value === '' || SILENT[kind].has(value)) continue;
    const word = TYPE_TO_WORD.get(value) ?? value;
    if (!words.includes(word)) words.push(word);
  }
  // Apple's iPhone number comes as IPHONE,CELL: the phone is the label.
  if (kind === 'tel' && words.includes('iphone')) return words.filter((word) => word !== 'mobile').join(' ');
  return words.join(' ');
}

/** The TYPE values that give back exactly this label, or null when it needs an X-ABLabel. */
export function typesForLabel(kind: LabelKind, label: string): string[] | null {
  if (label === '') return [];
  const words = label.split(' ');
  if (!words.every((word) => STANDARD[kind].has(word))) return null;
  const types = words.map((word) => WORD_TO_TYPE.get(word) ?? word);
  return labelFromTypes(kind, types) === label ? types : null;
}

/** An X-ABLabel's value as a label ("_$!<Mobile>!$_" → "mobile"; custom text as it is). */
export function labelFromApple(value: string): string {
  const builtIn = APPLE_BUILT_IN.exec(value);
  if (!builtIn) return value;
  const name = builtIn[1];
  return APPLE_LABELS.get(name) ?? name.toLowerCase();
}

/** How a label that TYPE cannot say is written in an X-ABLabel (Apple's spelling for its own). */
export function appleLabelFor(label: string): string {
  return APPLE_SPELLING.get(label) ?? label;
}
