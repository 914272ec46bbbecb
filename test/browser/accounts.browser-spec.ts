import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { AddressBook, AddressBookMember, Contact, Page as ListPage, User } from '@contacts/wire-types';
import { startApi, type ApiProcess } from '../support/api-process.js';
import { launchBrowser, person, screenshot, seriousAxeViolations, waitForConnection } from './browser-helpers.js';

const ADMIN = { name: 'Ada Lovelace', email: 'ada@example.com', password: 'correct horse battery' };
const EDITOR = { name: 'Grace Hopper', email: 'grace@example.com', password: 'staple battery horse' };

/**
 * AUTH=accounts end to end in Chromium: first-run sign-up, an account made by the admin signing
 * in in a second browser context, a book shared live, edits between the two with the editor's
 * name, a viewer who cannot edit, an unshare that takes the book away live, and a session that
 * ends without losing what was typed.
 */
describe('accounts and shared address books (browser)', () => {
  let server: ApiProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let a: Page;
  let b: Page;
  let family: AddressBook;

  beforeAll(async () => {
    server = await startApi({ env: { AUTH: 'accounts', CREATE_DELAY_MS: '200' } });
    browser = await launchBrowser();
    for (let i = 0; i < 2; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      contexts.push(context);
    }
    a = await contexts[0].newPage();
    b = await contexts[1].newPage();
  }, 60_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  /** A request from the page itself: its session cookie, its Origin. */
  function inPage<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    return page.evaluate(
      async ({ method, path, body }) => {
        const res = await fetch(path, {
          method,
          headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: res.status, body: res.status === 204 ? null : await res.json().catch(() => null) };
      },
      { method, path, body },
    ) as Promise<{ status: number; body: T }>;
  }

  const row = (page: Page, text: string) => page.getByTestId('contact-row').filter({ hasText: text });
  const bookItem = (page: Page, name: string) => page.getByTestId('book-item').filter({ has: page.getByTestId('book-name').getByText(name, { exact: true }) });
  const toast = (page: Page, text: string) => page.getByTestId('toast').filter({ hasText: text });

  async function fill(scope: Locator, values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) await scope.getByLabel(label, { exact: true }).fill(value);
  }

  it('first run: the sign-up for the administrator, then the app with its own book', async () => {
    await a.goto(server.baseUrl);
    await a.getByRole('heading', { name: 'Create the first account — it will be the administrator' }).waitFor();
    expect(await a.getByRole('button', { name: 'Sign in', exact: true }).count()).toBe(0);
    expect(await seriousAxeViolations(a)).toEqual([]);
    await screenshot(a, '30-first-run-signup');

    const form = a.locator('form[aria-label="Create administrator account"]');
    await fill(form, { Name: ADMIN.name, Email: ADMIN.email, Password: 'short' });
    await form.getByRole('button', { name: 'Create administrator account' }).click();
    expect(await form.locator('#signup-password-error').textContent()).toContain('Use at least 8 characters.');
    await form.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await form.getByRole('button', { name: 'Create administrator account' }).click();

    await waitForConnection(a, 'live');
    await a.getByTestId('account-menu-button').filter({ hasText: ADMIN.name }).waitFor();
    await bookItem(a, 'Contacts').waitFor();
    await a.getByTestId('empty-state').waitFor();
    const me = await inPage<User>(a, 'GET', '/api/auth/me/');
    expect(me.body.is_admin).toBe(true);
    expect(await seriousAxeViolations(a)).toEqual([]);
    await screenshot(a, '31-admin-signed-in');
  }, 60_000);

  it('the admin creates an account on the Accounts page; it signs in in a second browser', async () => {
    await a.getByTestId('account-menu-button').click();
    await a.getByTestId('account-menu').getByRole('link', { name: 'Accounts' }).click();
    await a.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
    const form = a.locator('form[aria-labelledby=new-account-heading]');
    await fill(form, { Name: EDITOR.name, Email: EDITOR.email, Password: EDITOR.password });
    await form.getByRole('button', { name: 'Create account' }).click();
    await toast(a, `Account for ${EDITOR.name} was created`).waitFor();
    await a.getByTestId('account-row').filter({ hasText: EDITOR.email }).waitFor();

    await b.goto(server.baseUrl);
    await b.getByRole('heading', { name: 'Sign in to Contacts' }).waitFor();
    const signIn = b.locator('form[aria-label="Sign in"]');
    await fill(signIn, { Email: EDITOR.email, Password: 'wrong password' });
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await b.getByTestId('form-error').filter({ hasText: 'Unable to log in with provided credentials.' }).waitFor();
    await screenshot(b, '32-sign-in-failed');
    await signIn.getByLabel('Password', { exact: true }).fill(EDITOR.password);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await waitForConnection(b, 'live');
    await b.getByTestId('account-menu-button').filter({ hasText: EDITOR.name }).waitFor();
    // Every account has its own book; nothing of the admin's is visible.
    await bookItem(b, 'Contacts').waitFor();
    expect(await b.getByTestId('book-item').count()).toBe(1);
  }, 60_000);

  it('the admin makes “Family”, adds a contact, and shares it as editor: it appears in the second browser without a reload', async () => {
    await a.getByRole('link', { name: 'All contacts', exact: true }).click();
    await a.getByRole('button', { name: '+ New book' }).click();
    const naming = a.getByRole('dialog', { name: 'New address book' });
    await naming.getByLabel('Name', { exact: true }).fill('Family');
    await naming.getByRole('button', { name: 'Create book' }).click();
    await a.waitForURL(/book=\d+/);
    await a.getByRole('heading', { name: 'Family', exact: true }).waitFor();
    family = (await inPage<AddressBook[]>(a, 'GET', '/api/address-books/')).body.find((x) => x.name === 'Family')!;

    // The create form follows the selected book.
    const create = a.locator('form[aria-labelledby=create-heading]');
    expect(await create.getByLabel('Address book').inputValue()).toBe(String(family.id));
    const p = person(1);
    await fill(create, { 'First name': p.first_name, 'Last name': p.last_name, Email: p.email, Phone: p.phone });
    await create.getByRole('button', { name: 'Create contact' }).click();
    await row(a, 'Person1 Example').waitFor({ timeout: 10_000 });
    await bookItem(a, 'Family').getByTestId('book-count').filter({ hasText: '1' }).waitFor();

    await bookItem(a, 'Family').getByRole('button', { name: 'Actions for Family' }).click();
    await a.getByTestId('book-menu').getByRole('button', { name: 'Share…' }).click();
    const share = a.getByRole('dialog', { name: 'Share “Family”' });
    await share.getByLabel('Email of the person').fill('nobody@example.com');
    await share.getByRole('button', { name: 'Share', exact: true }).click();
    await share.locator('#share-email-error').waitFor();
    await share.getByLabel('Email of the person').fill(EDITOR.email);
    await share.getByLabel('Role', { exact: true }).selectOption('editor');
    await share.getByRole('button', { name: 'Share', exact: true }).click();
    await share.getByTestId('member-row').filter({ hasText: EDITOR.email }).waitFor();
    expect(await seriousAxeViolations(a)).toEqual([]);
    await screenshot(a, '33-share-dialog');
    await share.getByRole('button', { name: 'Done' }).click();

    await toast(b, `${ADMIN.name} shared “Family” with you`).waitFor({ timeout: 5000 });
    const shared = bookItem(b, 'Family');
    await shared.waitFor();
    expect((await shared.getByTestId('book-role').textContent())?.trim()).toBe('Shared');
    await shared.getByTestId('book-count').filter({ hasText: '1' }).waitFor();
    await screenshot(b, '34-shared-with-me');
  }, 60_000);

  it('the editor changes a contact; the admin sees it live with “Grace Hopper edited …”, and in the history', async () => {
    await bookItem(b, 'Family').getByTestId('book-link').click();
    await b.waitForURL(new RegExp(`book=${family.id}`));
    await row(b, 'Person1 Example').waitFor();
    await b.getByRole('button', { name: 'Edit Person1 Example' }).click();
    const dialog = b.getByRole('dialog', { name: /Edit Person1 Example/ });
    await dialog.getByLabel('Phone', { exact: true }).fill('+1 555 4242');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });

    await toast(a, `${EDITOR.name} edited Person1 Example`).waitFor({ timeout: 5000 });
    await row(a, 'Person1 Example').filter({ hasText: '+1 555 4242' }).waitFor();
    // The one who made the change is not told about it as news.
    expect(await toast(b, 'edited Person1 Example').count()).toBe(0);
    await screenshot(a, '35-edited-by-toast');

    await a.getByRole('link', { name: 'History of Person1 Example' }).click();
    const editors = a.getByTestId('version').getByTestId('version-editor');
    await editors.nth(1).waitFor();
    expect(await editors.allTextContents()).toEqual([`${EDITOR.name} edited in the web app`, `${ADMIN.name} created in the web app`]);
    await a.getByRole('link', { name: '← All contacts' }).click();
  }, 60_000);

  it('made a viewer: the second browser can no longer edit, at once', async () => {
    await bookItem(a, 'Family').getByRole('button', { name: 'Actions for Family' }).click();
    await a.getByTestId('book-menu').getByRole('button', { name: 'Share…' }).click();
    const share = a.getByRole('dialog', { name: 'Share “Family”' });
    await share.getByLabel(`Role of ${EDITOR.name}`).selectOption('viewer');
    await toast(a, `${EDITOR.name} can now only view “Family”`).waitFor();

    await toast(b, 'You can now only view “Family”').waitFor({ timeout: 5000 });
    await bookItem(b, 'Family').getByTestId('book-role').filter({ hasText: 'Viewer' }).waitFor();
    await row(b, 'Person1 Example').getByTestId('read-only').waitFor();
    expect(await b.getByRole('button', { name: 'Edit Person1 Example' }).count()).toBe(0);
    expect(await b.getByRole('button', { name: 'Delete Person1 Example' }).count()).toBe(0);
    expect(await b.locator('form[aria-labelledby=create-heading]').getByLabel('Address book').count()).toBe(0);
    // The server agrees.
    const contact = (await inPage<ListPage<Contact>>(b, 'GET', `/api/contacts/?address_book=${family.id}`)).body.results[0];
    expect((await inPage(b, 'PATCH', `/api/contacts/${contact.id}/`, { phone: '+1 555 0000' })).status).toBe(403);
    // History still reads, without "Revert".
    await b.getByRole('link', { name: 'History of Person1 Example' }).click();
    await b.getByTestId('version').nth(1).waitFor();
    expect(await b.getByRole('button', { name: 'Revert to this version' }).count()).toBe(0);
    await b.goBack();
    await row(b, 'Person1 Example').waitFor();
    await screenshot(b, '36-viewer');
  }, 60_000);

  it('unshared: the book and its contacts leave the second browser live, and it goes back to all books', async () => {
    const share = a.getByRole('dialog', { name: 'Share “Family”' });
    await share.getByRole('button', { name: `Remove ${EDITOR.name}` }).click();
    await toast(a, `${EDITOR.name} no longer has “Family”`).waitFor();
    const members = (await inPage<AddressBookMember[]>(a, 'GET', `/api/address-books/${family.id}/members/`)).body;
    expect(members.map((m) => m.user.email)).toEqual([ADMIN.email]);
    await share.getByRole('button', { name: 'Done' }).click();

    await toast(b, 'You no longer have access to “Family”').waitFor({ timeout: 5000 });
    await bookItem(b, 'Family').waitFor({ state: 'detached' });
    await b.waitForURL((url) => !url.search.includes('book='));
    await row(b, 'Person1 Example').waitFor({ state: 'detached' });
    await b.getByRole('heading', { name: 'All contacts' }).waitFor();
    await screenshot(b, '37-unshared');
  }, 60_000);

  it('a session that ends keeps what I was typing: sign in again over it and carry on', async () => {
    const create = b.locator('form[aria-labelledby=create-heading]');
    const draft = person(2);
    await fill(create, { 'First name': draft.first_name, 'Last name': draft.last_name, Email: draft.email });
    // The session ends elsewhere (another tab signs out): the server closes this page's socket.
    expect((await inPage(b, 'POST', '/api/auth/logout/')).status).toBe(204);
    const expired = b.getByRole('dialog', { name: 'Your session has ended' });
    await expired.waitFor({ timeout: 5000 });
    expect(await expired.getByLabel('Email', { exact: true }).inputValue()).toBe(EDITOR.email);
    expect(await seriousAxeViolations(b)).toEqual([]);
    await screenshot(b, '38-session-ended');
    await expired.getByLabel('Password', { exact: true }).fill(EDITOR.password);
    await expired.getByRole('button', { name: 'Sign in again' }).click();
    await expired.waitFor({ state: 'detached' });
    await waitForConnection(b, 'live');

    // What was typed is still there; finish it and save.
    expect(await create.getByLabel('First name', { exact: true }).inputValue()).toBe(draft.first_name);
    expect(await create.getByLabel('Email', { exact: true }).inputValue()).toBe(draft.email);
    await create.getByLabel('Phone', { exact: true }).fill(draft.phone);
    await create.getByRole('button', { name: 'Create contact' }).click();
    await row(b, 'Person2 Example').waitFor({ timeout: 10_000 });

    // A save that meets the ended session waits, and goes through after signing in again.
    await b.getByRole('button', { name: 'Edit Person2 Example' }).click();
    const dialog = b.getByRole('dialog', { name: /Edit Person2 Example/ });
    await dialog.getByLabel('Phone', { exact: true }).fill('+1 555 7777');
    await b.evaluate(() => fetch('/api/auth/logout/', { method: 'POST' }));
    await b.getByRole('dialog', { name: 'Your session has ended' }).waitFor({ timeout: 5000 });
    const again = b.getByRole('dialog', { name: 'Your session has ended' });
    await again.getByLabel('Password', { exact: true }).fill(EDITOR.password);
    await again.getByRole('button', { name: 'Sign in again' }).click();
    await again.waitFor({ state: 'detached' });
    expect(await dialog.getByLabel('Phone', { exact: true }).inputValue()).toBe('+1 555 7777');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row(b, 'Person2 Example').filter({ hasText: '+1 555 7777' }).waitFor();
  }, 60_000);

  it('API tokens: create one (its secret shown once), it works with curl-like requests, then revoke it', async () => {
    await b.getByTestId('account-menu-button').click();
    await b.getByTestId('account-menu').getByRole('link', { name: 'API tokens' }).click();
    await b.getByTestId('empty-state').waitFor();
    await b.getByLabel('Name', { exact: true }).fill('Backup script');
    await b.getByRole('button', { name: 'Create token' }).click();
    const secret = await b.getByTestId('token-secret').inputValue();
    expect(secret).toMatch(/^ctk_/);
    await b.getByText("Copy it now: you won't see it again.").waitFor();
    const res = await fetch(`${server.baseUrl}/api/contacts/`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ListPage<Contact>).results.map((c) => c.email)).toEqual([person(2).email]);
    await screenshot(b, '39-token-created');
    await b.getByRole('button', { name: 'Revoke Backup script' }).click();
    await b.getByRole('dialog', { name: 'Revoke “Backup script”?' }).getByRole('button', { name: 'Revoke' }).click();
    await b.getByTestId('empty-state').waitFor();
    expect((await fetch(`${server.baseUrl}/api/contacts/`, { headers: { Authorization: `Bearer ${secret}` } })).status).toBe(401);
  }, 60_000);

  it('sign out from the account menu: back to the sign-in page, signed out on the server', async () => {
    await b.getByTestId('account-menu-button').click();
    await b.getByTestId('account-menu').getByRole('button', { name: 'Sign out' }).click();
    await b.getByRole('heading', { name: 'Sign in to Contacts' }).waitFor();
    expect((await inPage(b, 'GET', '/api/auth/me/')).status).toBe(401);
  }, 60_000);
});
