import ICAL from 'ical.js';

/** One property in ical.js's jCard shape: lower-case name, parameters (the group as `group`), value type, values. */
export type JCardParams = Record<string, string | string[]>;
export type JCardProperty = [name: string, params: JCardParams, type: string, ...values: unknown[]];

type DesignSet = ReturnType<typeof ICAL.design.getDesignSet>;
interface TextType {
  fromICAL(value: string, structuredEscape?: string | false): string;
  toICAL(value: string, structuredEscape?: string | false): string;
}
interface DesignParts {
  property: Record<string, object>;
  value: Record<string, object>;
}

/**
 * vCard text escapes `\;` everywhere (RFC 2426 §5, RFC 6350 §3.4); ical.js handles it only in
 * structured values (N, ADR, ORG) and would leave `a\;b` in a NOTE. Its own text type, told
 * that `;` is escaped too, reads and writes it right. Writing also turns CR LF into the LF
 * that `\n` stands for (a bare CR would break the line).
 */
function withSemicolonEscapes(text: TextType, writing: boolean): TextType {
  return {
    ...text,
    // Only a value with something to unescape or escape goes through ical.js: its text type
    // builds a RegExp per call when told about `;`, and most values have nothing to escape.
    fromICAL: (value, structuredEscape) => (value.includes('\\') ? text.fromICAL(value, structuredEscape || ';') : value),
    toICAL: (value, structuredEscape) => {
      if (!NEEDS_ESCAPING.test(value)) return value;
      return text.toICAL(writing ? value.replace(/\r\n?/g, '\n') : value, structuredEscape || ';');
    },
  };
}
const NEEDS_ESCAPING = /[\\,;\r\n]/;

/** A design set with some properties' default value types replaced and text escaping completed (built once, at load). */
function designFor(base: DesignSet, types: Record<string, string>, writing: boolean): DesignSet {
  const parts = base as unknown as DesignParts;
  const property = { ...parts.property };
  for (const [name, defaultType] of Object.entries(types)) property[name] = { defaultType };
  const value = { ...parts.value, text: withSemicolonEscapes(parts.value['text'] as TextType, writing) };
  return { ...base, property, value } as DesignSet;
}

/**
 * Apple's X-ABLabel is text (Apple escapes `,` and `;` in it); ical.js does not know it and
 * would keep the escapes in the value.
 */
const LABEL_AS_TEXT = { 'x-ablabel': 'text' };

/** Reading a 2.1 or 3.0 card. */
export const VCARD3_READ = designFor(ICAL.design.getDesignSet('vcard3'), LABEL_AS_TEXT, false);
/** Reading a 4.0 card. */
export const VCARD4_READ = designFor(ICAL.design.getDesignSet('vcard'), LABEL_AS_TEXT, false);
/**
 * Writing 3.0. BDAY goes out as its text so a date keeps the ISO 8601 extended form of RFC
 * 2426's examples (`1815-12-10`, and `--12-10` without a year); ical.js's vCard 3 date type
 * would compact it to `18151210` / `--1210`.
 */
export const VCARD3_WRITE = designFor(ICAL.design.getDesignSet('vcard3'), { ...LABEL_AS_TEXT, bday: 'text' }, true);

/** An ical.js parse failure of one content line. */
export class ContentLineError extends Error {}

/**
 * The content lines of a card's text, unfolded by ical.js (CRLF or LF followed by one space
 * or tab continues the line; blank lines are dropped).
 */
export function unfoldedLines(text: string): string[] {
  const lines: string[] = [];
  ICAL.parse._eachLine(text, (_error, line) => {
    lines.push(line);
  });
  return lines;
}

/** One unfolded content line → its jCard property (ical.js unescapes the values by their type). */
export function parseContentLine(line: string, design: DesignSet): JCardProperty {
  try {
    return ICAL.parse.property(line, design) as JCardProperty;
  } catch (error) {
    throw new ContentLineError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * ical.js folds so that each piece holds at most `foldLength` octets (it counts UTF-8 bytes
 * and never splits a character) and then puts the one-space indent in front of the
 * continuation pieces — a continuation line would be 76 octets with the default. One less
 * keeps every physical line within RFC 2426's 75 octets. Set only around our own writing
 * (synchronous), so nothing else that uses ical.js sees the change.
 */
const FOLD_OCTETS = 74;

export function withVCardFolding<T>(write: () => T): T {
  const module = ICAL as { foldLength: number };
  const saved = module.foldLength;
  module.foldLength = FOLD_OCTETS;
  try {
    return write();
  } finally {
    module.foldLength = saved;
  }
}

/** A jCard property as one folded 3.0 content line (call inside withVCardFolding). */
export function writeProperty(property: JCardProperty): string {
  return foldContentLine(ICAL.stringify.property(property, VCARD3_WRITE, true));
}

/**
 * An unfolded content line, folded by ical.js (call inside withVCardFolding). Most lines are
 * short: one that fits as it is skips ical.js's character-by-character walk.
 */
export function foldContentLine(line: string): string {
  return line.length <= FOLD_OCTETS && Buffer.byteLength(line, 'utf8') <= FOLD_OCTETS ? line : ICAL.helpers.foldline(line);
}

/** A jCard property as one unfolded 3.0 content line (how a 2.1-only line is stored in vcard_extra). */
export function serialiseUnfolded(property: JCardProperty): string {
  return ICAL.stringify.property(property, VCARD3_READ, true);
}
