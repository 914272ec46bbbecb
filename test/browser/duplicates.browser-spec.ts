import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Contact, Version } from '@contacts/wire-types';
import { startApi, type ApiProcess } from '../support/api-process.js';
import { api, createContact, launchBrowser, person, screenshot, seriousAxeViolations, waitForConnection } from './browser-helpers.js';

/** How long a change made in one page may take to show in another (no reload, no polling in the app). */
const LIVE_MS = 5000;

/**
 * Duplicates end to end in Chromium: the suggested group and its reasons, the side-by-side
 * compare, a merge with a value taken from the other contact, the Undo in its toast, and a
 * second browser that follows both at once.
 */
describe('duplicates and merging (browser)', () => {
  let server: ApiProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let ada: Contact;
  let twin: Contact;

  beforeAll(async () => {
    // The suite's server creates contacts after 200 ms (CREATE_DELAY_MS), not the product's 20 s.
    server = await startApi();
    browser = await launchBrowser();
    // The richer one (organization, job title) is the one kept by default.
    ada = await createContact(server.baseUrl, {
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
      organization: 'Analytical Engines',
      job_title: 'Analyst',
    });
    // The same person: the same name, and the same number written the national way.
    twin = await createContact(server.baseUrl, {
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'countess@example.com',
      phone: '020 7946 0000',
      notes: 'Prefers letters.',
    });
    await createContact(server.baseUrl, person(1));
  }, 60_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  async function openDuplicates(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(server.baseUrl);
    await waitForConnection(page, 'live');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Duplicates' }).click();
    await page.getByRole('heading', { name: 'Duplicates', level: 1 }).waitFor();
    return page;
  }

  const pairKey = () => `${ada.id},${twin.id}`;
  const group = (page: Page) => page.locator(`[data-testid=duplicate-group][data-ids="${pairKey()}"]`);

  it('lists the pair with its reasons, merges it with a value from the other contact, and Undo brings both back; a second browser follows', async () => {
    const [a, b] = [await openDuplicates(), await openDuplicates()];
    await group(a).waitFor();
    await group(b).waitFor();
    expect(await a.getByTestId('duplicate-group').count()).toBe(1);
    expect((await group(a).getByTestId('duplicate-reason').allTextContents()).map((t) => t.trim())).toEqual(['Same phone', 'Same name']);
    expect(await group(a).getByTestId('duplicate-contact').count()).toBe(2);
    expect(await seriousAxeViolations(a)).toEqual([]);
    await screenshot(a, '60-duplicates');
    // Page B is never reloaded: whatever it shows next came live.
    await b.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));

    await group(a)
      .getByRole('link', { name: /Compare and merge/ })
      .click();
    const compare = a.getByTestId('merge-compare');
    await compare.waitFor();
    const column = (c: Contact) => compare.locator(`[data-testid=compare-column][data-contact-id="${c.id}"]`);
    expect(await column(ada).getByTestId('survivor-choice').isChecked()).toBe(true);
    const valueChoice = (field: string, c: Contact) =>
      compare.locator(`[data-testid=compare-row][data-field=${field}] input[data-contact-id="${c.id}"]`);
    // The notes only the other one has are taken by default; the email is picked from it by hand.
    expect(await valueChoice('notes', twin).isChecked()).toBe(true);
    await valueChoice('email', twin).check();
    const keptEmails = a.getByTestId('kept-emails').getByRole('listitem');
    await a.waitForFunction(
      () =>
        document.querySelector('[data-testid=kept-emails] [data-testid=kept-primary]')?.textContent?.includes('countess@example.com') ??
        false,
    );
    expect((await keptEmails.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      'countess@example.com (primary)',
      'ada@example.com',
    ]);
    // One number written two ways is kept once.
    expect(await a.getByTestId('kept-phones').getByRole('listitem').count()).toBe(1);
    expect(await seriousAxeViolations(a)).toEqual([]);
    await screenshot(a, '61-compare');

    await a.getByTestId('merge-button').click();
    const mergedToast = a.getByTestId('toast').filter({ hasText: 'Merged 2 contacts into Ada Lovelace' });
    await mergedToast.waitFor();
    await a.getByTestId('duplicates-empty').waitFor();
    await screenshot(a, '62-merged');
    // The other browser: the group goes, the list says there is nothing left.
    await group(b).waitFor({ state: 'detached', timeout: LIVE_MS });
    await b.getByTestId('duplicates-empty').waitFor({ timeout: LIVE_MS });
    expect(await b.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);

    const survivor = await api<Contact>(server.baseUrl, 'GET', `/api/contacts/${ada.id}/`);
    expect(survivor).toMatchObject({ email: 'countess@example.com', organization: 'Analytical Engines', notes: 'Prefers letters.' });
    expect(survivor.other_emails.map((e) => e.value)).toEqual(['ada@example.com']);
    await expect(api(server.baseUrl, 'GET', `/api/contacts/${twin.id}/`)).rejects.toThrow(/404/);

    await mergedToast.getByRole('button', { name: 'Undo' }).click();
    await a.getByTestId('toast').filter({ hasText: 'Merge undone' }).waitFor();
    // Both back with their ids and their own fields, in both browsers.
    await group(a).waitFor({ timeout: LIVE_MS });
    await group(b).waitFor({ timeout: LIVE_MS });
    expect(await b.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
    expect(await api<Contact>(server.baseUrl, 'GET', `/api/contacts/${ada.id}/`)).toMatchObject({
      email: 'ada@example.com',
      notes: '',
      other_emails: [],
    });
    expect(await api<Contact>(server.baseUrl, 'GET', `/api/contacts/${twin.id}/`)).toMatchObject({
      id: twin.id,
      email: 'countess@example.com',
    });
    await screenshot(b, '63-undone-elsewhere');

    // The history tells the story: merged away, then back.
    const history = await api<Version[]>(server.baseUrl, 'GET', `/api/contacts/${twin.id}/history/`);
    expect(history.map((v) => v.edited_reason)).toEqual(['unmerged', 'merged', 'created']);
    await b.goto(`${server.baseUrl}/contacts/${twin.id}/history`);
    await b.locator('[data-testid=version][data-reason=merged]').waitFor();
    expect((await b.getByTestId('version').first().textContent())?.replace(/\s+/g, ' ')).toContain('Unmerged');
  }, 60_000);

  it("a merged-away contact's history says where it went and undoes the merge from there", async () => {
    // A pair of its own, so this does not depend on how the test before it ended.
    const grace = await createContact(server.baseUrl, {
      first_name: 'Grace',
      last_name: 'Hopper',
      email: 'grace@example.com',
      phone: '+1 555 0100',
    });
    const hopper = await createContact(server.baseUrl, {
      first_name: 'Grace',
      last_name: 'Hopper',
      email: 'hopper@navy.example',
      phone: '+1 555 0101',
    });
    await api(server.baseUrl, 'POST', `/api/contacts/${grace.id}/merge/`, { others: [hopper.id] });
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    // Its own page says where it went rather than "does not exist".
    await page.goto(`${server.baseUrl}/contacts/${hopper.id}`);
    await page.getByTestId('merged-into').getByRole('link', { name: 'Grace Hopper' }).waitFor();
    expect((await page.getByTestId('merged-into-text').textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      'Grace Hopper was merged into Grace Hopper',
    );
    expect(await page.getByTestId('contact-missing').count()).toBe(0);

    await page.goto(`${server.baseUrl}/contacts/${grace.id}/history`);
    // The survivor's own merged version offers the undo too.
    await page.locator('[data-testid=version][data-reason=merged]').getByRole('button', { name: 'Undo merge' }).waitFor();

    await page.goto(`${server.baseUrl}/contacts/${hopper.id}/history`);
    const banner = page.getByTestId('merged-into');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Merged into Grace Hopper');
    expect(await banner.getByRole('link', { name: 'Grace Hopper' }).getAttribute('href')).toBe(`/contacts/${grace.id}`);
    expect(await page.getByRole('button', { name: 'Revert to this version' }).count()).toBe(0);
    await screenshot(page, '64-merged-into');

    await banner.getByRole('button', { name: 'Undo merge' }).click();
    await page.getByTestId('toast').filter({ hasText: 'Merge undone' }).waitFor();
    await banner.waitFor({ state: 'detached' });
    await page.locator('[data-testid=version]').first().and(page.locator('[data-reason=unmerged]')).waitFor();
    expect(await api<Contact>(server.baseUrl, 'GET', `/api/contacts/${hopper.id}/`)).toMatchObject({
      id: hopper.id,
      email: 'hopper@navy.example',
    });
  }, 30_000);

  it('"Not the same person" keeps a pair out of the list after a reload, and "Suggest again" under Dismissed brings it back', async () => {
    // A pair of its own: the same name, different emails and numbers.
    const alan = await createContact(server.baseUrl, {
      first_name: 'Alan',
      last_name: 'Turing',
      email: 'alan@example.com',
      phone: '+44 161 496 0000',
    });
    const other = await createContact(server.baseUrl, {
      first_name: 'Alan',
      last_name: 'Turing',
      email: 'turing@example.org',
      phone: '+1 555 0199',
    });
    const ids = `${alan.id},${other.id}`;
    const page = await openDuplicates();
    const pair = page.locator(`[data-testid=duplicate-group][data-ids="${ids}"]`);
    await pair.getByRole('button', { name: /Not the same person/ }).click();
    await pair.waitFor({ state: 'detached' });
    await page.getByTestId('toast').filter({ hasText: 'Marked as not the same person' }).waitFor();

    await page.reload();
    await page.getByTestId('duplicates-count').or(page.getByTestId('duplicates-empty')).waitFor();
    expect(await pair.count()).toBe(0);
    const toggle = page.getByTestId('dismissed-toggle');
    await toggle.click();
    const dismissed = page.locator(`[data-testid=dismissed-group][data-ids="${ids}"]`);
    await dismissed.getByTestId('dismissed-names').filter({ hasText: 'Alan Turing and Alan Turing' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '65-dismissed');

    await dismissed.getByRole('button', { name: /Suggest again/ }).click();
    await pair.waitFor();
    await dismissed.waitFor({ state: 'detached' });
  }, 30_000);
});
