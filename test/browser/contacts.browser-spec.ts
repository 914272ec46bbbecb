import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { Contact, Version } from '@contacts/wire-types';
import { startApi, type ApiProcess } from '../support/api-process.js';
import { api, createContact, launchBrowser, person, screenshot, seriousAxeViolations } from './browser-helpers.js';

/** Long enough to see the pending row, short enough for a quick test. */
const CREATE_DELAY_MS = 1500;

describe('contacts UI (browser)', () => {
  let server: ApiProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startApi({ env: { CREATE_DELAY_MS: String(CREATE_DELAY_MS) } });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await createContact(server.baseUrl, person(1));
    await createContact(server.baseUrl, person(2));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const createForm = () => page.locator('form[aria-labelledby=create-heading]');
  const row = (name: string) => page.getByTestId('contact-row').filter({ hasText: name });

  async function fillCreateForm(first: string, last: string, email: string, phone: string): Promise<void> {
    const form = createForm();
    await form.getByLabel('First name', { exact: true }).fill(first);
    await form.getByLabel('Last name', { exact: true }).fill(last);
    await form.getByLabel('Email', { exact: true }).fill(email);
    await form.getByLabel('Phone', { exact: true }).fill(phone);
  }

  it('lists contacts newest first with the total count', async () => {
    await page.goto(server.baseUrl);
    await row('Person2 Example').waitFor();
    const names = await page.getByTestId('contact-name').allTextContents();
    expect(names.map((n) => n.trim())).toEqual(['Person2 Example', 'Person1 Example']);
    expect((await page.getByTestId('total-count').textContent())?.trim()).toBe('2');
    await screenshot(page, '01-list');
  }, 30_000);

  it('create: the form clears at once, a pending row shows progress, then the contact appears', async () => {
    await fillCreateForm('Ada', 'Lovelace', 'ada@example.com', '+44 20 7946 0000');
    await createForm().getByRole('button', { name: 'Create contact' }).click();
    const pending = page.getByTestId('pending-row').filter({ hasText: 'Ada Lovelace' });
    await pending.waitFor({ timeout: 2000 });
    expect(await pending.getByRole('progressbar').count()).toBe(1);
    expect(await createForm().getByLabel('First name', { exact: true }).inputValue()).toBe('');
    await screenshot(page, '02-pending-create');
    await row('Ada Lovelace').waitFor({ timeout: CREATE_DELAY_MS + 5000 });
    await pending.waitFor({ state: 'detached', timeout: 2000 });
    await page.getByText('Ada Lovelace was created').waitFor({ timeout: 2000 });
    expect((await page.getByTestId('total-count').textContent())?.trim()).toBe('3');
    await screenshot(page, '03-created');
  }, 30_000);

  it('a duplicate email is shown on the Email field', async () => {
    await fillCreateForm('Ada', 'Again', 'ADA@example.com', '123');
    await createForm().getByRole('button', { name: 'Create contact' }).click();
    const email = createForm().getByLabel('Email', { exact: true });
    await page.waitForFunction(() => document.querySelector('#create-email')?.getAttribute('aria-invalid') === 'true', undefined, {
      timeout: 5000,
    });
    const describedBy = await email.getAttribute('aria-describedby');
    expect(await page.locator(`#${describedBy}`).textContent()).toContain('Email must be unique.');
    await screenshot(page, '04-duplicate-email');
    await createForm().getByRole('button', { name: 'Clear' }).click();
  }, 30_000);

  it('search filters on the server and is kept in the URL', async () => {
    await page.getByLabel('Search contacts').fill('lovelace');
    await page.waitForURL(/search=lovelace/, { timeout: 3000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=contact-row]').length === 1, undefined, { timeout: 3000 });
    expect((await page.getByTestId('contact-name').allTextContents()).map((t) => t.trim())).toEqual(['Ada Lovelace']);
    await page.getByLabel('Search contacts').fill('nobody-has-this');
    await page.getByText('No contacts match “nobody-has-this”').waitFor({ timeout: 3000 });
    await screenshot(page, '05-search-empty');
    await page.getByRole('button', { name: 'Clear search' }).click();
    await page.waitForFunction(() => !location.search.includes('search='), undefined, { timeout: 3000 });
    await row('Person1 Example').waitFor();
  }, 30_000);

  it('edit in a dialog saves with PATCH and updates the row', async () => {
    await page.getByRole('button', { name: 'Edit Person1 Example' }).click();
    const dialog = page.getByRole('dialog', { name: /Edit Person1 Example/ });
    await dialog.waitFor();
    await dialog.getByLabel('Phone', { exact: true }).fill('+1 555 9999');
    await screenshot(page, '06-edit-dialog');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row('Person1 Example').filter({ hasText: '+1 555 9999' }).waitFor({ timeout: 3000 });
  }, 30_000);

  it('history shows versions latest first with a field diff, and reverts', async () => {
    await page.getByRole('link', { name: 'History of Person1 Example' }).click();
    await page.getByRole('heading', { name: 'History of Person1 Example' }).waitFor();
    const versions = page.getByTestId('version');
    await versions.nth(1).waitFor();
    expect(await versions.first().getAttribute('data-reason')).toBe('updated');
    expect(await versions.nth(1).getAttribute('data-reason')).toBe('created');
    const diff = versions.first().getByTestId('version-diff');
    expect(await diff.textContent()).toContain('+1 555 0101');
    expect(await diff.textContent()).toContain('+1 555 9999');
    // No accounts (AUTH=none): every REST request, the app's included, is recorded as made via the API.
    expect(await versions.getByTestId('version-editor').allTextContents()).toEqual(['Edited via the API', 'Created via the API']);
    await screenshot(page, '07-history');

    await versions.nth(1).getByRole('button', { name: 'Revert to this version' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=version]')?.getAttribute('data-reason') === 'reverted', undefined, {
      timeout: 5000,
    });
    const id = (await api<{ results: Contact[] }>(server.baseUrl, 'GET', '/api/contacts/?search=person1')).results[0].id;
    const history = await api<Version[]>(server.baseUrl, 'GET', `/api/contacts/${id}/history/`);
    expect(history[0].edited_reason).toBe('reverted');
    expect(history[0].phone).toBe('+1 555 0101');
    await screenshot(page, '08-history-reverted');
  }, 30_000);

  it('delete asks for confirmation, and the toast offers Undo which restores', async () => {
    await page.getByRole('link', { name: 'All contacts', exact: true }).click();
    await row('Person2 Example').waitFor();
    await page.getByRole('button', { name: 'Delete Person2 Example' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Person2 Example?' });
    await confirm.waitFor();
    await screenshot(page, '09-delete-confirm');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await row('Person2 Example').waitFor({ state: 'detached', timeout: 3000 });
    const toast = page.getByTestId('toast').filter({ hasText: 'Person2 Example was deleted' });
    await toast.waitFor();
    await screenshot(page, '10-deleted-undo-toast');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await row('Person2 Example').waitFor({ timeout: 3000 });
    await page.getByText('Person2 Example was restored').waitFor();
  }, 30_000);

  it('recently deleted lists deleted contacts with Restore', async () => {
    const victim = await createContact(server.baseUrl, person(3));
    await api(server.baseUrl, 'DELETE', `/api/contacts/${victim.id}/`);
    await page.getByRole('link', { name: 'Recently deleted' }).click();
    const deletedRow = page.getByTestId('deleted-row').filter({ hasText: 'Person3 Example' });
    await deletedRow.waitFor({ timeout: 3000 });
    await screenshot(page, '11-recently-deleted');
    await deletedRow.getByRole('button', { name: 'Restore Person3 Example' }).click();
    await deletedRow.waitFor({ state: 'detached', timeout: 3000 });
    const after = await api<Contact>(server.baseUrl, 'GET', `/api/contacts/${victim.id}/`);
    expect(after.email).toBe('person3@example.com');
  }, 30_000);

  it('axe-core finds no serious or critical violations', async () => {
    const report: Record<string, unknown> = {};
    await page.goto(server.baseUrl);
    await row('Ada Lovelace').waitFor();
    report['list'] = await seriousAxeViolations(page);

    await page.getByRole('button', { name: 'Edit Ada Lovelace' }).click();
    await page.getByRole('dialog').getByLabel('Email', { exact: true }).waitFor();
    report['edit dialog'] = await seriousAxeViolations(page);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'History of Ada Lovelace' }).click();
    await page.getByTestId('version').first().waitFor();
    report['history'] = await seriousAxeViolations(page);

    await page.getByRole('link', { name: 'Recently deleted' }).click();
    await page.getByRole('heading', { name: 'Recently deleted' }).waitFor();
    await page.waitForSelector('[data-testid=deleted-row], [data-testid=empty-state]');
    report['deleted'] = await seriousAxeViolations(page);

    expect(report).toEqual({ list: [], 'edit dialog': [], history: [], deleted: [] });
  }, 60_000);
});

describe('a long contact list (browser)', () => {
  const TOTAL = 250;
  let server: ApiProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startApi({ env: { CREATE_DELAY_MS: '0' } });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    // Created in order, so Person1 is the oldest: the last row of the list.
    for (let n = 1; n <= TOTAL; n += 25) {
      await Promise.all(Array.from({ length: Math.min(25, TOTAL - n + 1) }, (_, i) => createContact(server.baseUrl, person(n + i))));
    }
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const rendered = () => page.getByTestId('contact-row').count();

  it('scrolls to the last contact without page numbers, keeping only a window of rows, and back to the top', async () => {
    await page.goto(server.baseUrl);
    await page.getByTestId('contact-row').first().waitFor();
    expect((await page.getByTestId('total-count').textContent())?.trim()).toBe(String(TOTAL));
    expect(await page.getByRole('button', { name: /^\d+$/ }).count()).toBe(0);
    const last = page.getByTestId('contact-row').filter({ hasText: 'Person1 Example' });
    const first = page.getByTestId('contact-row').filter({ hasText: `Person${TOTAL} Example` });
    for (let i = 0; i < 60 && !(await last.count()); i++) {
      await page.mouse.wheel(0, 2500);
      await page.waitForTimeout(100);
    }
    await last.scrollIntoViewIfNeeded();
    expect(await last.getAttribute('aria-posinset')).toBe(String(TOTAL));
    expect(await last.getAttribute('aria-setsize')).toBe(String(TOTAL));
    // Past the end: nothing more to load, and the first rows were let go on the way down.
    expect(await page.getByTestId('loading-more').count()).toBe(0);
    expect(await first.count()).toBe(0);
    expect(await rendered()).toBeLessThan(TOTAL);
    expect(await page.getByTestId('rows-above').count()).toBe(1);
    await screenshot(page, '12-long-list-end');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Dragged to the top: the rows above come back through the cursor's previous links.
    await page.evaluate(() => window.scrollTo(0, 0));
    await first.waitFor({ timeout: 10_000 });
    await page.getByTestId('rows-above').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await first.getAttribute('aria-posinset')).toBe('1');

    // Down again, then the Back to top control.
    for (let i = 0; i < 60 && !(await last.count()); i++) {
      await page.mouse.wheel(0, 2500);
      await page.waitForTimeout(100);
    }
    await page.getByRole('button', { name: 'Back to top' }).click();
    await first.waitFor({ timeout: 5000 });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contacts-heading');
  }, 90_000);
});
