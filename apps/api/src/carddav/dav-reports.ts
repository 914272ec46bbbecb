import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BookAccess } from '../access/book-access.js';
import { ContactsService, MAX_LOOKUP } from '../contacts/contacts.service.js';
import type { StoredContact } from '../contacts/stored-contact.js';
import { type BookChange, HistoryService } from '../history/history.service.js';
import { matchesAddressFilter } from './address-filter.js';
import { readXmlBody } from './dav-body.js';
import { DavBooks } from './dav-books.js';
import { DavError, davConditions } from './dav-error.js';
import { bookHref, cardHref, type DavTarget, parseHref } from './dav-paths.js';
import { CARD_BATCH } from './dav-propfind.js';
import { multistatus } from './dav-reply.js';
import { parseReport, type PropRequest, type Report } from './dav-requests.js';
import { cardResource, cardText, propstatsOf } from './dav-resources.js';
import type { MultistatusStream } from './multistatus.js';
import { seqOfSyncToken, syncTokenOf } from './sync-token.js';

type SyncReport = Extract<Report, { kind: 'sync' }>;

/** The three reports of an address book: multiget (RFC 6352 §8.7), query (§8.6) and sync-collection (RFC 6578). */
@Injectable()
export class DavReports {
  constructor(
    private readonly books: DavBooks,
    private readonly contacts: ContactsService,
    private readonly history: HistoryService,
  ) {}

  async report(target: DavTarget, request: FastifyRequest, reply: FastifyReply, access: BookAccess): Promise<void> {
    if (target.kind === 'unknown' || target.kind === 'not-a-card') throw new DavError(404);
    const report = parseReport(await readXmlBody(request));
    if (target.kind !== 'book') throw new DavError(403, davConditions.supportedReport, 'Reports are answered on an address book.');
    await this.books.requireReadable(target.book, access);
    const book = target.book;
    switch (report.kind) {
      case 'multiget':
        return this.multiget(book, report.hrefs, report.props, reply, access);
      case 'query':
        return this.addressbookQuery(book, report, reply, access);
      case 'sync':
        return this.sync(book, report, reply, access);
    }
  }

  /** The cards at these hrefs, in the order asked (each answered once); an href that is no card of this book is 404. */
  private async multiget(book: number, hrefs: string[], props: PropRequest, reply: FastifyReply, access: BookAccess): Promise<void> {
    await multistatus(reply, async (out) => {
      const distinct = [...new Set(hrefs)];
      for (let at = 0; at < distinct.length; at += MAX_LOOKUP) {
        const wanted = distinct.slice(at, at + MAX_LOOKUP).map((href) => ({ href, target: parseHref(href) }));
        const uids = wanted.flatMap(({ target }) => (target.kind === 'card' && target.book === book ? [target.uid] : []));
        const found = new Map((await this.contacts.storedByUids(book, uids, access)).map((stored) => [stored.uid, stored]));
        for (const { href, target } of wanted) {
          const stored = target.kind === 'card' && target.book === book ? found.get(target.uid) : undefined;
          if (stored) await out.response(href, propstatsOf(cardResource(stored, true), props));
          else await out.status(href, 404);
        }
      }
    });
  }

  /** The book's cards that match the filter, walked in batches; with a limit, a 507 for the book says there were more. */
  private async addressbookQuery(book: number, report: Extract<Report, { kind: 'query' }>, reply: FastifyReply, access: BookAccess): Promise<void> {
    const walk = this.contacts.walk(access, { addressBook: book }, CARD_BATCH);
    await multistatus(reply, async (out) => {
      let answered = 0;
      for await (const batch of walk) {
        for (const stored of batch) {
          if (stored.uid === '' || !matchesAddressFilter(report.filter, cardText(stored))) continue;
          if (report.limit !== null && answered >= report.limit) {
            await out.status(bookHref(book), 507);
            return;
          }
          await out.response(cardHref(book, stored.uid), propstatsOf(cardResource(stored, true), report.props));
          answered += 1;
        }
      }
    });
  }

  /**
   * What changed in the book since the token: cards changed (with the properties asked
   * for), cards gone (404), then the token to sync from next. The token is checked before
   * anything is answered: one that is not ours, or from beyond the head, is 403
   * valid-sync-token and the client starts over.
   */
  private async sync(book: number, report: SyncReport, reply: FastifyReply, access: BookAccess): Promise<void> {
    if (report.token === '') return report.limit === null ? this.initialSync(book, report, reply, access) : this.changesSince(book, 0, report, reply, access);
    const since = seqOfSyncToken(report.token);
    if (since === null) throw new DavError(403, davConditions.validSyncToken, 'This sync token was not issued by this server.');
    return this.changesSince(book, since, report, reply, access);
  }

  /** An initial sync without a limit: every card of the book, walked in batches, and the head as of before the walk. */
  private async initialSync(book: number, report: SyncReport, reply: FastifyReply, access: BookAccess): Promise<void> {
    // Read first: a change made during the walk is after it, so the next sync reports it (again, at worst).
    const head = await this.books.head();
    const walk = this.contacts.walk(access, { addressBook: book }, CARD_BATCH);
    await multistatus(reply, async (out) => {
      for await (const batch of walk) {
        for (const stored of batch) {
          if (stored.uid === '') continue;
          await out.response(cardHref(book, stored.uid), propstatsOf(cardResource(stored, true), report.props));
        }
      }
      out.syncToken(syncTokenOf(head));
    });
  }

  /**
   * The changes after `since` (0 for an initial sync with a limit: then only the cards
   * there now), at most `limit` with a 507 when cut. The change list is a contact id and a
   * uid per contact; the cards themselves are read a batch at a time.
   */
  private async changesSince(book: number, since: number, report: SyncReport, reply: FastifyReply, access: BookAccess): Promise<void> {
    const initial = since === 0 && report.token === '';
    const found = await this.history.bookChanges(book, since, access, report.limit ?? Number.POSITIVE_INFINITY);
    if (since > found.head) throw new DavError(403, davConditions.validSyncToken, 'This sync token is newer than anything this server has written.');
    await multistatus(reply, async (out) => {
      for (let at = 0; at < found.changes.length; at += MAX_LOOKUP) {
        await this.answerChanges(book, found.changes.slice(at, at + MAX_LOOKUP), initial, report.props, out, access);
      }
      if (found.truncated) await out.status(bookHref(book), 507);
      out.syncToken(syncTokenOf(found.upTo));
    });
  }

  private async answerChanges(book: number, changes: BookChange[], initial: boolean, props: PropRequest, out: MultistatusStream, access: BookAccess): Promise<void> {
    const presentIds = changes.filter((change) => change.present).map((change) => change.contactId);
    const stored = new Map<number, StoredContact>();
    for (const contact of presentIds.length ? await this.contacts.storedByIds(presentIds, access) : []) {
      // Moved out since the change list was read: gone from this book as far as this answer goes.
      if (contact.address_book === book && contact.uid !== '') stored.set(contact.id, contact);
    }
    for (const change of changes) {
      const contact = change.present ? stored.get(change.contactId) : undefined;
      if (contact) await out.response(cardHref(book, contact.uid), propstatsOf(cardResource(contact, true), props));
      // An initial sync tells only what is there (RFC 6578 §3.8: no removals for an empty token).
      else if (!initial) await out.status(cardHref(book, change.uid), 404);
    }
  }
}
