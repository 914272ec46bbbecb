/** The two XML namespaces a DAV error condition can come from. */
export type DavNamespace = 'DAV:' | 'urn:ietf:params:xml:ns:carddav';

/** A precondition or postcondition element of a DAV error body (RFC 4918 §16), e.g. `DAV:need-privileges`. */
export interface DavCondition {
  ns: DavNamespace;
  name: string;
}

/**
 * A CardDAV answer that is not a success: its status and, when the RFCs name one, the
 * condition that the `<d:error>` body carries (the client acts on it, e.g. resyncs on
 * `valid-sync-token`). `message` becomes the body's `<d:responsedescription>`. The DAV
 * exception filter writes it; nothing else about it is JSON.
 */
export class DavError extends Error {
  constructor(
    readonly status: number,
    readonly condition?: DavCondition,
    message?: string,
  ) {
    super(message ?? '');
    this.name = 'DavError';
  }

  /** The text for `<d:responsedescription>`, if any. */
  get description(): string | undefined {
    return this.message === '' ? undefined : this.message;
  }
}

export const DAV_NS = 'DAV:' as const;
export const CARDDAV_NS = 'urn:ietf:params:xml:ns:carddav' as const;
export const CALENDARSERVER_NS = 'http://calendarserver.org/ns/' as const;

/** Shorthands for the conditions this server answers with. */
export const davConditions = {
  needPrivileges: { ns: DAV_NS, name: 'need-privileges' },
  propfindFiniteDepth: { ns: DAV_NS, name: 'propfind-finite-depth' },
  supportedReport: { ns: DAV_NS, name: 'supported-report' },
  validSyncToken: { ns: DAV_NS, name: 'valid-sync-token' },
  validAddressData: { ns: CARDDAV_NS, name: 'valid-address-data' },
  supportedAddressData: { ns: CARDDAV_NS, name: 'supported-address-data' },
  supportedFilter: { ns: CARDDAV_NS, name: 'supported-filter' },
  maxResourceSize: { ns: CARDDAV_NS, name: 'max-resource-size' },
  noUidConflict: { ns: CARDDAV_NS, name: 'no-uid-conflict' },
} as const satisfies Record<string, DavCondition>;
