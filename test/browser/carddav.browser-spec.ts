import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DOMParser } from '@xmldom/xmldom';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AddressBook, Contact } from '@contacts/wire-types';
import { signUp, type Session } from '../support/accounts.js';
import { startApi, type ApiProcess } from '../support/api-process.js';
import { launchBrowser, screenshot, seriousAxeViolations, waitForConnection } from './browser-helpers.js';

const ACCOUNT = { name: 'Ada Lovelace', email: 'ada@example.com', password: 'correct horse battery' };
const DAV = 'DAV:';

/** A DAV request as a phone sends it: HTTP Basic, no cookie, no Origin. */
function dav(baseUrl: string, method: string, path: string, password: string, init: { headers?: Record<string, string>; body?: string } = {}) {
  return fetch(new URL(path, baseUrl), {
    method,
    headers: { Authorization: `Basic ${Buffer.from(`${ACCOUNT.email}:${password}`).toString('base64')}`, ...init.headers },
    body: init.body,
  });
}

/** `<d:response>`s of a multistatus: each href with its `getetag`, if any. */
function responses(xml: string): { href: string; etag: string | null }[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  return Array.from(doc.getElementsByTagNameNS(DAV, 'response')).map((r) => ({
    href: r.getElementsByTagNameNS(DAV, 'href')[0]?.textContent?.trim() ?? '',
    etag: r.getElementsByTagNameNS(DAV, 'getetag')[0]?.textContent?.trim() || null,
  }));
}

/** The card an iPhone sends after its owner changed the number and the company (vCard 3.0, CRLF). */
function iosCard(uid: string, phone: string, organization: string): string {
  return [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'PRODID:-//Apple Inc.//iPhone OS 18.1//EN',
    'N:Example;Person1;;;',
    'FN:Person1 Example',
    `ORG:${organization};`,
    'EMAIL;type=INTERNET;type=HOME;type=pref:person1@example.com',
    `TEL;type=CELL;type=VOICE;type=pref:${phone}`,
    `REV:${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `UID:${uid}`,
    'END:VCARD',
    '',
  ].join('\r\n');
}

/**
 * CardDAV from the web app's side, in Chromium: the "Sync with your phone" panel hands out a
 * working app password, and a phone's change (plain fetch, the requests a phone makes) shows
 * live in the browser open on that book, with "via CardDAV" in the history.
 */
describe('CardDAV: phone sync panel and a phone change seen live (browser)', () => {
  let server: ApiProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let session: Session;
  let book: AddressBook;
  let appPassword = '';

  beforeAll(async () => {
    server = await startApi({ env: { AUTH: 'accounts', CREATE_DELAY_MS: '200' } });
    session = await signUp(server.baseUrl, ACCOUNT);
    const books = await fetch(`${server.baseUrl}/api/address-books/`, { headers: session.headers });
    book = ((await books.json()) as AddressBook[])[0];
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const row = (text: string) => page.getByTestId('contact-row').filter({ hasText: text });

  it('the panel shows the server URL and the email, and creates an app password that works for PROPFIND /dav/', async () => {
    await page.goto(server.baseUrl);
    const signIn = page.locator('form[aria-label="Sign in"]');
    await signIn.getByLabel('Email', { exact: true }).fill(ACCOUNT.email);
    await signIn.getByLabel('Password', { exact: true }).fill(ACCOUNT.password);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await waitForConnection(page, 'live');

    await page.getByTestId('account-menu-button').click();
    await page.getByTestId('account-menu').getByRole('link', { name: 'Sync with your phone' }).click();
    await page.getByRole('heading', { name: 'Sync with your phone', exact: true }).waitFor();
    expect(await page.getByLabel('Server URL', { exact: true }).inputValue()).toBe(`${server.baseUrl}/dav/`);
    expect(await page.getByLabel('User name', { exact: true }).inputValue()).toBe(ACCOUNT.email);
    await page.getByTestId('sync-book').filter({ hasText: book.name }).waitFor();

    await page.getByRole('button', { name: 'Create app password' }).click();
    const secret = page.getByLabel('App password', { exact: true });
    await secret.waitFor();
    await page.getByTestId('sync-token').filter({ hasText: 'it will not be shown again' }).waitFor();
    appPassword = await secret.inputValue();
    expect(appPassword.length).toBeGreaterThan(20);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '40-phone-sync-panel');

    // The device, not the page: Basic with the email and the new secret.
    const found = await dav(server.baseUrl, 'PROPFIND', '/dav/', appPassword, {
      headers: { Depth: '0', 'Content-Type': 'application/xml; charset=utf-8' },
      body: '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:current-user-principal/></d:prop></d:propfind>',
    });
    const body = await found.text();
    expect(found.status).toBe(207);
    const principal = new DOMParser().parseFromString(body, 'application/xml').getElementsByTagNameNS(DAV, 'current-user-principal')[0];
    expect(principal?.getElementsByTagNameNS(DAV, 'href')[0]?.textContent?.trim()).toBe(`/dav/principals/${session.user.id}/`);

    const refused = await dav(server.baseUrl, 'PROPFIND', '/dav/', `${appPassword}x`, { headers: { Depth: '0' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Basic realm="Contacts"/);
  }, 60_000);

  it('a phone changes a card (PROPFIND, then PUT with If-Match): the open book shows it within a second, and the history says via CardDAV', async () => {
    const created = await fetch(`${server.baseUrl}/api/contacts/`, {
      method: 'POST',
      headers: { ...session.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ first_name: 'Person1', last_name: 'Example', email: 'person1@example.com', phone: '+1 555 0101', address_book: book.id }),
    });
    expect(created.status).toBe(201);
    const contact = (await created.json()) as Contact;

    await page.goto(`${server.baseUrl}/?book=${book.id}`);
    await waitForConnection(page, 'live');
    await row('Person1 Example').filter({ hasText: '+1 555 0101' }).waitFor();

    // What a phone does on its next sync: list the book's cards with their ETags…
    const listing = await dav(server.baseUrl, 'PROPFIND', `/dav/books/${book.id}/`, appPassword, {
      headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
      body: '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>',
    });
    expect(listing.status).toBe(207);
    const card = responses(await listing.text()).find((r) => r.href.endsWith(`/${encodeURIComponent(contact.uid)}.vcf`));
    expect(card?.href).toBe(`/dav/books/${book.id}/${encodeURIComponent(contact.uid)}.vcf`);
    expect(card?.etag).toMatch(/^"[^"]+"$/);

    // …then send the edited card back, guarded by that ETag.
    const put = await dav(server.baseUrl, 'PUT', card!.href, appPassword, {
      headers: { 'Content-Type': 'text/vcard; charset=utf-8', 'If-Match': card!.etag! },
      body: iosCard(contact.uid, '+1 555 0199', 'Analytical Engines'),
    });
    const answeredAt = Date.now();
    expect(put.status).toBe(204);
    expect(put.headers.get('etag')).toMatch(/^"[^"]+"$/);

    // The app's own live update: no reload, and within a second of the phone's answer.
    const remaining = Math.max(1, 1000 - (Date.now() - answeredAt));
    await row('Person1 Example').filter({ hasText: '+1 555 0199' }).filter({ hasText: 'Analytical Engines' }).waitFor({ timeout: remaining });
    await screenshot(page, '41-phone-change-live');

    await page.getByRole('link', { name: 'History of Person1 Example' }).click();
    const editors = page.getByTestId('version').getByTestId('version-editor');
    await editors.nth(1).waitFor();
    expect(await editors.allTextContents()).toEqual([`${ACCOUNT.name} edited via CardDAV`, `${ACCOUNT.name} created in the web app`]);
    await screenshot(page, '42-history-via-carddav');
  }, 60_000);
});
