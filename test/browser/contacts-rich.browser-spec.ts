import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { Contact, Page as ContactPage, Version } from '@contacts/wire-types';
import { startApi, type ApiProcess } from '../support/api-process.js';
import { api, launchBrowser, screenshot, seriousAxeViolations, waitForConnection } from './browser-helpers.js';

/** Enough cards that the import takes a moment and its progress bar is seen. */
const FILLER_CARDS = 300;

const filler = (i: number) =>
  ['BEGIN:VCARD', 'VERSION:3.0', `N:Card;Filler${i};;;`, `FN:Filler${i} Card`, `EMAIL:filler${i}@example.com`, `TEL:+1 555 ${String(i).padStart(4, '0')}`, 'END:VCARD'].join('\r\n');

/** A phone's card with several numbers, one of them under an Apple custom label. */
const GRACE = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'UID:urn:uuid:5e1f3a52-8d9e-4a8b-b1c0-7a6f2c9d0e11',
  'N:Hopper;Grace;;;',
  'FN:Grace Hopper',
  'ORG:US Navy',
  'TITLE:Rear Admiral',
  'EMAIL;TYPE=INTERNET,pref:grace@example.com',
  'EMAIL;TYPE=INTERNET,WORK:grace@navy.example',
  'TEL;TYPE=CELL,pref:+1 555 0100',
  'TEL;TYPE=HOME:+1 555 0101',
  'TEL;TYPE=WORK:+1 555 0102',
  'item1.TEL:+1 555 0103',
  'item1.X-ABLabel:Lab',
  'BDAY:--12-09',
  'NOTE:Found the first bug.',
  'END:VCARD',
].join('\r\n');

/** Skipped: no email at all, and an email another card of the file already took. */
const NO_EMAIL = ['BEGIN:VCARD', 'VERSION:3.0', 'N:Email;Nobody;;;', 'FN:Nobody Email', 'TEL:+1 555 0199', 'END:VCARD'].join('\r\n');
const DUPLICATE = ['BEGIN:VCARD', 'VERSION:3.0', 'N:Twice;Filler;;;', 'FN:Filler Twice', 'EMAIL:filler1@example.com', 'TEL:+1 555 0198', 'END:VCARD'].join('\r\n');

function vcardFile(): Buffer {
  const cards = [GRACE, ...Array.from({ length: FILLER_CARDS }, (_, i) => filler(i + 1)), NO_EMAIL, DUPLICATE];
  return Buffer.from(`${cards.join('\r\n')}\r\n`, 'utf8');
}

describe('richer contacts, import and export (browser)', () => {
  let server: ApiProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startApi();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const dialog = () => page.getByTestId('import-dialog');

  it('imports a .vcf with a progress bar, then lists what was skipped and why', async () => {
    await page.goto(server.baseUrl);
    await waitForConnection(page, 'live');
    await page.getByTestId('empty-state').waitFor();
    // What the page shows while the import runs: phases, and whether a progress bar was there.
    await page.evaluate(() => {
      const w = window as unknown as { __seen: string[] };
      w.__seen = [];
      new MutationObserver(() => {
        const d = document.querySelector('[data-testid=import-dialog]');
        const bar = document.querySelector('[data-testid=import-progress]');
        w.__seen.push(`${d?.getAttribute('data-phase') ?? '-'}:${bar ? (bar.getAttribute('aria-valuenow') ?? 'indeterminate') : 'none'}`);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const listRequests: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/contacts\/(\?|$)/.test(new URL(r.url()).pathname + new URL(r.url()).search)) listRequests.push(r.url());
    });

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog().waitFor();
    await page.locator('#import-file').setInputFiles({ name: 'contacts.vcf', mimeType: 'text/vcard', buffer: vcardFile() });
    expect(await dialog().getByTestId('import-format').textContent()).toContain('vCard file');
    await screenshot(page, '40-import-chosen');
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    await dialog().getByRole('progressbar', { name: 'Import progress' }).waitFor({ timeout: 10_000 });
    await screenshot(page, '41-import-running');

    const summary = dialog().getByTestId('import-summary');
    await summary.waitFor({ timeout: 60_000 });
    await screenshot(page, '42-import-summary');
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    // The bar was on screen while the job ran (not only a summary at the end).
    expect(seen.some((s) => s.startsWith('running:') && !s.endsWith(':none'))).toBe(true);
    expect(await summary.getByTestId('import-created').textContent()).toBe(String(FILLER_CARDS + 1));
    expect(await summary.getByTestId('import-skipped-count').textContent()).toBe('2');
    const skipped = summary.getByTestId('skipped-card');
    // Counted from 1 in the summary: Grace, the fillers, then the two that break a rule.
    const first = (await skipped.nth(0).textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(first).toContain(`Nobody Email · card ${FILLER_CARDS + 2}`);
    expect(first).toMatch(/Email: \S/);
    const second = (await skipped.nth(1).textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(second).toContain(`Filler Twice · card ${FILLER_CARDS + 3}`);
    expect(second.length).toBeGreaterThan(`Filler Twice · card ${FILLER_CARDS + 3}`.length);
    // Thousands of contact.created events, a handful of list requests: batched, not one per event.
    expect(listRequests.length).toBeLessThan(15);

    await dialog().getByRole('button', { name: 'Done' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.waitForFunction((n) => document.querySelector('[data-testid=total-count]')?.textContent?.trim() === String(n), FILLER_CARDS + 1, {
      timeout: 10_000,
    });
  }, 120_000);

  it('opens a contact with several phones, edits one, and the history shows that change', async () => {
    await page.getByLabel('Search contacts').fill('hopper');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=contact-row]').length === 1, undefined, { timeout: 5000 });
    await page.getByTestId('contact-row').getByRole('link', { name: 'Grace Hopper', exact: true }).click();
    const detail = page.getByTestId('contact-detail');
    await detail.waitFor();
    expect(await detail.getByTestId('contact-subtitle').textContent()).toContain('Rear Admiral · US Navy');
    const phones = (await detail.getByTestId('detail-phone').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(phones).toHaveLength(4);
    expect(phones[0]).toBe('+1 555 0100, primary');
    expect(phones.slice(1).map((p) => p.split(',')[0])).toEqual(['+1 555 0101', '+1 555 0102', '+1 555 0103']);
    expect(phones[3]).toContain('Lab');
    expect(await detail.getByRole('link', { name: '+1 555 0101' }).getAttribute('href')).toBe('tel:+15550101');
    expect(await detail.getByTestId('detail-birthday').textContent()).toMatch(/9/);
    await screenshot(page, '43-contact-detail');

    await detail.getByRole('button', { name: 'Edit Grace Hopper' }).click();
    const edit = page.getByRole('dialog', { name: /Edit Grace Hopper/ });
    await edit.getByLabel('Other phone 1', { exact: true }).waitFor();
    expect(await edit.getByLabel('Other phone 1', { exact: true }).inputValue()).toBe('+1 555 0101');
    await edit.getByLabel('Other phone 1', { exact: true }).fill('+1 555 0999');
    await screenshot(page, '44-edit-phone');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    await detail.getByRole('link', { name: '+1 555 0999' }).waitFor({ timeout: 5000 });

    await detail.getByRole('link', { name: 'History of Grace Hopper' }).click();
    const versions = page.getByTestId('version');
    await versions.nth(1).waitFor();
    expect(await versions.first().getAttribute('data-reason')).toBe('updated');
    expect(await versions.nth(1).getAttribute('data-via')).toBe('import');
    expect(await versions.getByTestId('version-editor').allTextContents()).toEqual(['Edited via the API', 'Created by an import']);
    const phonesDiff = versions.first().locator('[data-testid=diff-field][data-field=other_phones]');
    expect(await versions.first().getByTestId('diff-field').count()).toBe(1);
    expect(await phonesDiff.locator('[data-change=removed]').allTextContents()).toEqual([expect.stringContaining('+1 555 0101')]);
    expect(await phonesDiff.locator('[data-change=added]').allTextContents()).toEqual([expect.stringContaining('+1 555 0999')]);
    expect(await phonesDiff.locator('[data-change=kept]').count()).toBe(2);
    // The server agrees: only the one phone changed.
    const id = Number(new URL(page.url()).pathname.split('/')[2]);
    const history = await api<Version[]>(server.baseUrl, 'GET', `/api/contacts/${id}/history/`);
    expect(history[0].other_phones.map((p) => p.value)).toEqual(['+1 555 0999', '+1 555 0102', '+1 555 0103']);
    expect(history[0].phone).toBe('+1 555 0100');
    await screenshot(page, '45-history-phone-diff');
  }, 60_000);

  it('a CSV dropped on the page is detected as CSV and imported; export links follow the book and search', async () => {
    await page.getByRole('link', { name: '← All contacts' }).click();
    await page.getByTestId('contact-row').first().waitFor();
    const csv = 'first_name,last_name,email,phone,organization\r\nKatherine,Johnson,katherine@example.com,+1 555 0300,NASA\r\n';
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'from-spreadsheet.csv', { type: 'text/csv' }));
      return dt;
    }, csv);
    await page.dispatchEvent('#main', 'dragenter', { dataTransfer });
    await page.getByTestId('page-drop-overlay').waitFor();
    await page.dispatchEvent('#main', 'drop', { dataTransfer });
    await dialog().waitFor();
    await dialog().getByTestId('import-format').filter({ hasText: 'CSV file' }).waitFor();
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    await dialog().getByTestId('import-summary').waitFor({ timeout: 15_000 });
    expect(await dialog().getByTestId('import-created').textContent()).toBe('1');
    await dialog().getByRole('button', { name: 'Done' }).click();
    // Typed once the dialog has closed, as a person would: while it is modal the page behind is inert.
    await dialog().waitFor({ state: 'hidden' });

    await page.getByLabel('Search contacts').fill('johnson');
    await page.waitForURL(/search=johnson/);
    await page.getByTestId('contact-row').filter({ hasText: 'Katherine Johnson' }).waitFor();
    await page.getByTestId('export-menu').locator('summary').click();
    const vcardHref = await page.getByTestId('export-vcard').getAttribute('href');
    expect(vcardHref).toBe('/api/contacts/export/?format=vcard&search=johnson');
    expect(await page.getByTestId('export-csv').getAttribute('href')).toBe('/api/contacts/export/?format=csv&search=johnson');
    const exported = await fetch(`${server.baseUrl}${vcardHref}`);
    expect(exported.headers.get('content-disposition')).toMatch(/attachment/);
    const text = await exported.text();
    expect(text.match(/BEGIN:VCARD/g)).toHaveLength(1);
    expect(text).toContain('ORG:NASA');
  }, 60_000);

  it('axe-core finds no serious or critical violations on the new views', async () => {
    const report: Record<string, unknown> = {};
    const list = await api<ContactPage<Contact>>(server.baseUrl, 'GET', '/api/contacts/?search=hopper');
    await page.goto(`${server.baseUrl}/contacts/${list.results[0].id}`);
    await page.getByTestId('contact-detail').waitFor();
    report['detail'] = await seriousAxeViolations(page);
    await page.getByRole('button', { name: 'Edit Grace Hopper' }).click();
    await page.getByRole('dialog').getByLabel('Other phone 1', { exact: true }).waitFor();
    report['edit with details'] = await seriousAxeViolations(page);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.goto(server.baseUrl);
    await page.getByTestId('contact-row').first().waitFor();
    await page.getByRole('button', { name: 'More details (organization, birthday, more emails, phones and addresses, notes)' }).click();
    await page.getByRole('button', { name: '+ Add phone' }).click();
    report['create with details'] = await seriousAxeViolations(page);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog().waitFor();
    report['import dialog'] = await seriousAxeViolations(page);
    expect(report).toEqual({ detail: [], 'edit with details': [], 'create with details': [], 'import dialog': [] });
  }, 60_000);
});
