import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Contact } from '@contacts/wire-types';
import { sql } from '../database-changes/sql-shell.js';
import { startApi, type ApiProcess } from '../support/api-process.js';
import {
  api,
  createContact,
  launchBrowser,
  person,
  recordConnectionStates,
  screenshot,
  waitForConnection,
} from './browser-helpers.js';

describe('realtime UI (browser)', () => {
  let server: ApiProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let ada: Contact;

  beforeAll(async () => {
    server = await startApi({ env: { CREATE_DELAY_MS: '300' } });
    browser = await launchBrowser();
    ada = await createContact(server.baseUrl, { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000' });
    await createContact(server.baseUrl, person(1));
  }, 60_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  async function openPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(server.baseUrl);
    await waitForConnection(page, 'live');
    await page.getByTestId('contact-row').first().waitFor();
    return page;
  }

  const row = (page: Page, text: string) => page.getByTestId('contact-row').filter({ hasText: text });

  it('a change in one browser context shows in another within a second', async () => {
    const [a, b] = [await openPage(), await openPage()];
    await a.getByRole('button', { name: 'Edit Person1 Example' }).click();
    const dialog = a.getByRole('dialog');
    await dialog.getByLabel('Last name', { exact: true }).fill('Changed');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    const saved = Date.now();
    await row(b, 'Person1 Changed').waitFor({ timeout: 1000 });
    expect(Date.now() - saved).toBeLessThan(1000);
    await b.getByText('Person1 Changed was updated elsewhere').waitFor({ timeout: 1000 });
    // The tab that made the change does not call it "elsewhere".
    await a.waitForTimeout(300);
    expect(await a.getByText('was updated elsewhere').count()).toBe(0);
    await screenshot(b, '20-updated-elsewhere');

    // A delete in B removes the row in A and keeps the count right.
    const before = Number(await a.getByTestId('total-count').textContent());
    await b.getByRole('button', { name: 'Delete Person1 Changed' }).click();
    await b.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await row(a, 'Person1 Changed').waitFor({ state: 'detached', timeout: 1000 });
    await a.waitForFunction((n) => document.querySelector('[data-testid=total-count]')?.textContent?.trim() === String(n), before - 1, {
      timeout: 2000,
    });
  }, 30_000);

  it('an external update over HTTP shows in the open page with a toast', async () => {
    const page = await openPage();
    await api(server.baseUrl, 'POST', '/api/external-update/', { id: ada.id, phone: '+44 1234 567' });
    await row(page, '+44 1234 567').waitFor({ timeout: 1000 });
    await page.getByText('Ada Lovelace was updated elsewhere').waitFor({ timeout: 1000 });
    await screenshot(page, '21-external-update');
  }, 30_000);

  it('a change made straight in the database with sqlite3 shows in the open page within 2 s, and the history says so', async () => {
    const page = await openPage();
    const db = { kind: 'sqlite', path: server.sqlitePath } as const;
    await sql(db, "INSERT INTO contacts (first_name, last_name, email, phone) VALUES ('Grace', 'Hopper', 'grace@example.com', '+1 555 0199')");
    let committed = Date.now();
    await row(page, 'Grace Hopper').waitFor({ timeout: 2000 });
    expect(Date.now() - committed).toBeLessThan(2000);
    await page.getByText('Grace Hopper was added elsewhere').waitFor({ timeout: 1000 });

    // The history, open while the database changes again, follows and says how each version came in.
    const id = Number(await sql(db, "SELECT id FROM contacts WHERE email = 'grace@example.com'"));
    await page.getByRole('link', { name: 'History of Grace Hopper' }).click();
    const versions = page.getByTestId('version');
    await versions.first().waitFor();
    expect(page.url()).toBe(`${server.baseUrl}/contacts/${id}/history`);
    await sql(db, `UPDATE contacts SET phone = '+1 555 0200' WHERE id = ${id}`);
    committed = Date.now();
    await page.locator('[data-testid=version][data-via=database][data-reason=updated]').waitFor({ timeout: 2000 });
    expect(Date.now() - committed).toBeLessThan(2000);
    expect(await versions.getByTestId('version-editor').allTextContents()).toEqual(['Edited via the database', 'Created via the database']);
    expect(await versions.first().getByTestId('version-diff').textContent()).toContain('+1 555 0200');
    await screenshot(page, '26-database-change-history');
  }, 30_000);

  it('the edit dialog shows a banner when the contact changes remotely, and 412 offers Keep mine / Use theirs', async () => {
    const page = await openPage();
    await page.getByRole('button', { name: 'Edit Ada Lovelace' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('First name', { exact: true }).fill('Augusta');
    await api(server.baseUrl, 'POST', '/api/external-update/', { id: ada.id, email: 'ada.lovelace@example.com' });
    await dialog.getByTestId('remote-change-banner').waitFor({ timeout: 1000 });
    expect(await dialog.getByTestId('remote-change-banner').textContent()).toContain('ada.lovelace@example.com');
    // Never silently overwritten: my edit is still in the form.
    expect(await dialog.getByLabel('First name', { exact: true }).inputValue()).toBe('Augusta');
    await screenshot(page, '22-edit-remote-banner');
    await dialog.getByRole('button', { name: 'Keep editing mine' }).click();
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByRole('button', { name: 'Keep mine' }).waitFor({ timeout: 2000 });
    await screenshot(page, '23-edit-conflict');
    await dialog.getByRole('button', { name: 'Keep mine' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 3000 });
    const now = await api<Contact>(server.baseUrl, 'GET', `/api/contacts/${ada.id}/`);
    expect(now.first_name).toBe('Augusta');
    expect(now.email).toBe('ada.lovelace@example.com');
  }, 30_000);

  it('server stopped and restarted: Reconnecting… then Live, and a change made meanwhile appears', async () => {
    const page = await openPage();
    // See at least one event so the app has a seq to catch up from.
    await createContact(server.baseUrl, person(5));
    await row(page, 'Person5 Example').waitFor({ timeout: 2000 });
    const states = await recordConnectionStates(page);

    await server.stop();
    await waitForConnection(page, 'reconnecting', 5000);
    await screenshot(page, '24-reconnecting');

    // Another process writes to the same database while this server is down; without Redis
    // its change can only reach the page through the catch-up feed.
    const other = await startApi({ sqlitePath: server.sqlitePath, env: { CREATE_DELAY_MS: '50' } });
    try {
      await createContact(other.baseUrl, person(6));
    } finally {
      await other.stop();
    }

    await server.restart();
    await waitForConnection(page, 'live', 10_000);
    await row(page, 'Person6 Example').waitFor({ timeout: 3000 });
    const seen = await states();
    expect(seen).toContain('reconnecting');
    expect(seen).toContain('catching-up');
    expect(seen[seen.length - 1]).toBe('live');
    await screenshot(page, '25-back-live');
  }, 60_000);
});
