import type { ContactDetails, LabeledValue, MandatoryContactFields, PostalAddress } from '@contacts/wire-types';
import { VCardSyntaxError } from './codec-errors.js';
import {
  ContentLineError,
  parseContentLine,
  serialiseUnfolded,
  unfoldedLines,
  VCARD3_READ,
  VCARD4_READ,
  type JCardProperty,
} from './ical-syntax.js';
import { isoDateOf, namesFromFormatted } from './field-text.js';
import { joinExtraLines } from './vcard-extra.js';
import { labelFromApple, labelFromTypes, type LabelKind } from './vcard-labels.js';
import { PRIMARY_LABEL_PROPERTY, primaryLabelLines } from './vcard-primary-labels.js';
import { decodeLegacyValues, joinSoftLineBreaks, nameBareParameters, usesLegacyParameters } from './vcard-legacy.js';

/*
 * The mapping, card → contact (vcard-write.ts is the way back):
 *
 * - N → last_name (family names), first_name (given names, then additional names); prefixes
 *   and suffixes are dropped. N empty or missing → the names from FN (its last word is the
 *   last name). FN itself is not kept: the writer makes it from the names.
 * - EMAIL, TEL → email / phone: the one with the lowest PREF, else the first with TYPE=pref,
 *   else the first; the rest → other_emails / other_phones, labelled by their TYPE or their
 *   group's X-ABLabel (vcard-labels.ts). 4.0's `mailto:` and `tel:` are taken off. The
 *   primary one's label, which the model cannot hold, goes first into vcard_extra as a synthetic
 *   line (vcard-primary-labels.ts); a card's own line of that name is not kept.
 * - ADR → addresses (labelled likewise); post office box and extended address become the
 *   street's first lines.
 * - ORG → organization (name and units joined by ", "), TITLE → job_title, NOTE → notes: the
 *   first of each; more of them are kept as extras.
 * - BDAY → birthday (`1815-12-10`, `--12-10`; see birthdayOf); one it cannot hold is kept.
 * - UID → uid. VERSION, PRODID and REV are the writer's own and are not kept.
 * - An X-ABLabel is consumed when its group's only other members are modelled properties.
 * - Everything else — PHOTO, URL, NICKNAME, CATEGORIES, X- properties, 4.0's GENDER, IMPP,
 *   RELATED, ANNIVERSARY …, and groups with them — goes to vcard_extra (vcard-extra.ts).
 */

/** Every field of a contact as the card gives it (unvalidated: the import validates). */
export type ParsedFields = MandatoryContactFields & ContactDetails;

export interface ParsedCard {
  fields: ParsedFields;
  /** The card's UID, or null (the caller has one generated). */
  uid: string | null;
  /** The unmodelled properties (see vcard-extra.ts). */
  vcard_extra: string;
  /** For a summary: FN, else the names, else the email. */
  name: string;
}

const VERSIONS = new Set(['2.1', '3.0', '4.0']);
/**
 * Properties the writer produces itself from the contact, and our own record of the primary
 * labels (made from the card's EMAIL and TEL, never taken from the card): the card's own are dropped.
 */
const REWRITTEN = new Set(['version', 'prodid', 'rev', PRIMARY_LABEL_PROPERTY.toLowerCase()]);
/** Properties that hold the contact's fields. */
const MODELLED = new Set(['fn', 'n', 'uid', 'email', 'tel', 'adr', 'org', 'title', 'note', 'bday']);
const LABELLED: ReadonlyMap<string, LabelKind> = new Map([
  ['email', 'email'],
  ['tel', 'tel'],
  ['adr', 'adr'],
]);
const APPLE_LABEL = 'x-ablabel';

interface CardLine {
  /** The unfolded line (bare parameters named): what vcard_extra keeps of it. */
  text: string;
  property: JCardProperty;
  group: string | null;
  legacy: boolean;
}

function isMarker(line: string, marker: 'BEGIN:VCARD' | 'END:VCARD'): boolean {
  return line.length < 20 && (line[0] === marker[0] || line[0] === marker[0].toLowerCase()) && line.trim().toUpperCase() === marker;
}

function snippet(line: string): string {
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

/** One card's text (BEGIN:VCARD … END:VCARD), vCard 2.1, 3.0 or 4.0 → the contact's fields and the rest. */
export function parseVCard(text: string): ParsedCard {
  const lines = unfoldedLines(joinSoftLineBreaks(text));
  if (lines.length === 0 || !isMarker(lines[0], 'BEGIN:VCARD')) {
    throw new VCardSyntaxError(
      lines.length === 0 ? 'The card is empty.' : `Line 1: a card starts with BEGIN:VCARD, not "${snippet(lines[0])}".`,
    );
  }
  let end = -1;
  for (let at = 1; at < lines.length; at++) {
    if (isMarker(lines[at], 'BEGIN:VCARD')) throw new VCardSyntaxError(`Line ${at + 1}: BEGIN:VCARD again before END:VCARD.`);
    if (isMarker(lines[at], 'END:VCARD')) {
      end = at;
      break;
    }
  }
  if (end === -1) throw new VCardSyntaxError('The card has no END:VCARD.');
  if (end < lines.length - 1) throw new VCardSyntaxError(`Line ${end + 2}: "${snippet(lines[end + 1])}" after END:VCARD.`);

  const versionLine = lines.slice(1, end).find((line) => /^version:/i.test(line));
  const version = versionLine ? versionLine.slice('version:'.length).trim() : '3.0';
  if (!VERSIONS.has(version)) throw new VCardSyntaxError(`vCard version "${snippet(version)}" is not supported (2.1, 3.0 and 4.0 are).`);
  const design = version === '4.0' ? VCARD4_READ : VCARD3_READ;

  const cardLines: CardLine[] = [];
  for (let at = 1; at < end; at++) {
    const text = nameBareParameters(lines[at]);
    let property: JCardProperty;
    try {
      property = parseContentLine(text, design);
    } catch (error) {
      if (!(error instanceof ContentLineError)) throw error;
      throw new VCardSyntaxError(`Line ${at + 1}: "${snippet(lines[at])}" is not a vCard property (${reasonOf(error.message, text)}).`);
    }
    const legacy = usesLegacyParameters(property);
    if (legacy) decodeLegacyValues(property);
    const group = property[1]['group'];
    cardLines.push({ text, property, group: typeof group === 'string' ? group : null, legacy });
  }
  return mapCard(cardLines);
}

/** ical.js's message without the part of the line it quotes at its end (the line may be a megabyte of base64). */
function reasonOf(message: string, line: string): string {
  let reason = message;
  for (let at = message.indexOf(' '); at !== -1; at = message.indexOf(' ', at + 1)) {
    const quote = message[at + 1];
    if ((quote === '"' || quote === "'") && message.endsWith(quote) && line.endsWith(message.slice(at + 2, -1))) {
      reason = message.slice(0, at);
      break;
    }
  }
  return reason
    .replace(/^invalid line /i, '')
    .replace(/\s+in$/, '')
    .replace(/^\((.*)\)$/, '$1')
    .trim();
}

interface Candidate {
  value: string;
  label: string;
  rank: number;
}

function mapCard(lines: readonly CardLine[]): ParsedCard {
  // A group's X-ABLabel labels its email, phone or address; it is kept as an extra when the
  // group also holds a property we do not model (item3.URL + item3.X-ABLabel).
  const groupLabels = new Map<string, string>();
  const groupsWithExtras = new Set<string>();
  const labelledGroups = new Set<string>();
  for (const line of lines) {
    const name = line.property[0];
    if (!line.group) continue;
    if (name === APPLE_LABEL) groupLabels.set(line.group, labelFromApple(textOf(line.property)));
    else if (LABELLED.has(name)) labelledGroups.add(line.group);
    else if (!MODELLED.has(name) && !REWRITTEN.has(name)) groupsWithExtras.add(line.group);
  }

  let fn: string | null = null;
  let names: string[] | null = null;
  let uid: string | null = null;
  let birthday: string | null = null;
  const single: Partial<Record<'org' | 'title' | 'note', string>> = {};
  const candidates: Record<LabelKind, Candidate[]> = { email: [], tel: [], adr: [] };
  const addresses: PostalAddress[] = [];
  const extras: string[] = [];
  const keep = (line: CardLine) => extras.push(line.legacy ? legacyLine(line.property) : line.text);

  for (const line of lines) {
    const { property, group } = line;
    const name = property[0];
    if (REWRITTEN.has(name)) continue;
    const kind = LABELLED.get(name);
    if (kind) {
      const types = typesOf(property);
      const label = (group !== null ? groupLabels.get(group) : undefined) ?? labelFromTypes(kind, types);
      // An empty one (EMAIL: with nothing after it) says nothing: it is not kept, and never primary.
      if (kind === 'adr') {
        const address = addressOf(property, label);
        if (address.street || address.city || address.region || address.postal_code || address.country) addresses.push(address);
      } else {
        const value = contactValueOf(kind, property);
        if (value !== '') candidates[kind].push({ value, label, rank: preferenceOf(property, types) });
      }
      continue;
    }
    switch (name) {
      case 'fn':
        fn ??= textOf(property).trim();
        break;
      case 'n':
        names ??= componentsOf(property, 5, ' ');
        break;
      case 'uid':
        uid ??= textOf(property).trim() || null;
        break;
      case 'org':
      case 'title':
      case 'note': {
        if (single[name] !== undefined) keep(line);
        else single[name] = name === 'org' ? organizationOf(property) : textOf(property);
        break;
      }
      case 'bday': {
        const date: string | null = birthday === null ? birthdayOf(property) : null;
        if (date === null) keep(line);
        else birthday = date;
        break;
      }
      case APPLE_LABEL:
        if (group === null || groupsWithExtras.has(group) || !labelledGroups.has(group)) keep(line);
        break;
      default:
        keep(line);
    }
  }

  const [family = '', given = '', additional = ''] = names ?? [];
  let first_name = [given, additional]
    .filter((part) => part.trim() !== '')
    .join(' ')
    .trim();
  let last_name = family.trim();
  if (first_name === '' && last_name === '' && fn) [first_name, last_name] = namesFromFormatted(fn);
  const [email, emailLabel, other_emails] = primaryAndOthers(candidates.email);
  const [phone, phoneLabel, other_phones] = primaryAndOthers(candidates.tel);
  const fields: ParsedFields = {
    first_name,
    last_name,
    email,
    phone,
    organization: single.org ?? '',
    job_title: single.title ?? '',
    notes: single.note ?? '',
    birthday,
    other_emails,
    other_phones,
    addresses,
  };
  const name = fn || `${first_name} ${last_name}`.trim() || email || fields.organization;
  const primaryLabels = primaryLabelLines({ email: emailLabel, tel: phoneLabel });
  return { fields, uid, vcard_extra: joinExtraLines([...primaryLabels, ...extras]), name };
}

/** The first preferred one (lowest PREF, or TYPE=pref) is the primary (its value and label), else the first; the rest in order. */
function primaryAndOthers(candidates: readonly Candidate[]): [string, string, LabeledValue[]] {
  if (candidates.length === 0) return ['', '', []];
  let primary = 0;
  for (let at = 1; at < candidates.length; at++) if (candidates[at].rank < candidates[primary].rank) primary = at;
  const others = candidates.filter((_, at) => at !== primary).map(({ label, value }) => ({ label, value }));
  return [candidates[primary].value, candidates[primary].label, others];
}

function preferenceOf(property: JCardProperty, types: readonly string[]): number {
  const pref = property[1]['pref'];
  if (pref !== undefined) {
    const rank = Number(Array.isArray(pref) ? pref[0] : pref);
    return Number.isFinite(rank) ? rank : 100;
  }
  return types.some((type) => type.toLowerCase() === 'pref') ? 1 : Number.POSITIVE_INFINITY;
}

function typesOf(property: JCardProperty): string[] {
  const type = property[1]['type'];
  if (type === undefined) return [];
  const types: string[] = [];
  for (const value of Array.isArray(type) ? type : [type]) {
    if (value.includes(',')) types.push(...value.split(','));
    else types.push(value);
  }
  return types;
}

/** An email without 4.0's `mailto:`, a phone without its `tel:` URI scheme. */
function contactValueOf(kind: 'email' | 'tel', property: JCardProperty): string {
  const value = textOf(property).trim();
  const scheme = kind === 'email' ? /^mailto:/i : /^tel:/i;
  return value.replace(scheme, '').trim();
}

/** A property's value as one string: several values joined by commas. */
function textOf(property: JCardProperty): string {
  return property
    .slice(3)
    .map((value) => (Array.isArray(value) ? value.flat().join(';') : String(value ?? '')))
    .join(',');
}

/** A structured value's components (N, ADR, ORG), each a string; a component's several values joined. */
function componentsOf(property: JCardProperty, count: number, join: string): string[] {
  const value = property[3];
  const components = Array.isArray(value) ? value : [value];
  const parts: string[] = [];
  for (let at = 0; at < Math.max(count, components.length); at++) {
    const component: unknown = components[at];
    parts.push(Array.isArray(component) ? component.join(join) : String(component ?? ''));
  }
  return parts;
}

/** ORG's name and units, "ACME, Research" (the model has one string). */
function organizationOf(property: JCardProperty): string {
  return componentsOf(property, 1, ',')
    .map((part) => part.trim())
    .filter(Boolean)
    .join(', ');
}

/** ADR: post office box, extended address and street become the street's lines. */
function addressOf(property: JCardProperty, label: string): PostalAddress {
  const [box, extended, street, city, region, postal_code, country] = componentsOf(property, 7, ',').map((part) => part.trim());
  return {
    label,
    street: [box, extended, street].filter(Boolean).join('\n'),
    city,
    region,
    postal_code,
    country,
  };
}

/**
 * BDAY → `1815-12-10` or `--12-10`: ISO 8601 basic or extended, with a time or not, 4.0's
 * `--1210`, and Apple's year-less `BDAY;X-APPLE-OMIT-YEAR=1604:1604-12-10`. Anything else
 * (a text BDAY, a month alone) is not a birthday the model can hold: null, kept as an extra.
 */
function birthdayOf(property: JCardProperty): string | null {
  if (property[2] === 'text') return null;
  const date = isoDateOf(textOf(property));
  if (!date) return null;
  const omittedYear = property[1]['x-apple-omit-year'];
  return typeof omittedYear === 'string' && date.startsWith(`${omittedYear}-`) ? `-${date.slice(4)}` : date;
}

/**
 * A line with 2.1-only syntax, decoded, as ical.js writes it in 3.0. A value ical.js has no
 * type for is written raw, so a decoded line break there becomes vCard's `\n` here.
 */
function legacyLine(property: JCardProperty): string {
  if (property[2] === 'unknown') {
    for (let at = 3; at < property.length; at++) {
      if (typeof property[at] === 'string') property[at] = (property[at] as string).replace(/\r\n|\r|\n/g, '\\n');
    }
  }
  return serialiseUnfolded(property);
}
