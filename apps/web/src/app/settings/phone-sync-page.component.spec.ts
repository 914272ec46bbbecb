import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Subject } from 'rxjs';
import type { User } from '@contacts/wire-types';
import { SessionStore } from '../auth/session.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { ADA, GRACE, testBook } from '../testing/account-fixtures';
import { PhoneSyncPageComponent, phoneSyncTokenName } from './phone-sync-page.component';

describe('PhoneSyncPageComponent', () => {
  let http: HttpTestingController;
  let root: HTMLElement;
  let stable: () => Promise<void>;

  async function open(accounts: boolean, user: User | null): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SessionStore, useValue: { accounts: signal(accounts), user: signal(user) } },
        { provide: ContactEventsService, useValue: { bookEvents$: new Subject(), events$: new Subject(), resync$: new Subject() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PhoneSyncPageComponent);
    root = fixture.nativeElement as HTMLElement;
    stable = () => fixture.whenStable();
    await stable();
  }
  afterEach(() => http.verify());

  const value = (testId: string) => root.querySelector<HTMLInputElement>(`[data-testid=${testId}]`)?.value;
  const button = (label: string) =>
    Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find(
      (b) => b.textContent?.trim() === label || b.getAttribute('aria-label') === label,
    );
  const text = (selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  describe('with accounts', () => {
    beforeEach(() => open(true, ADA));

    it('shows the DAV URL of this origin and the account email as the user name, each with a labelled Copy', () => {
      http.expectOne('/api/address-books/').flush([]);
      expect(value('sync-server-url')).toBe(`${document.location.origin}/dav/`);
      expect(value('sync-username')).toBe(ADA.email);
      expect(root.querySelector('label[for=sync-server-url]')?.textContent?.trim()).toBe('Server URL');
      expect(root.querySelector('label[for=sync-username]')?.textContent?.trim()).toBe('User name');
      expect(button('Copy Server URL')).toBeTruthy();
      expect(button('Copy User name')).toBeTruthy();
      expect(root.querySelector('[data-testid=sync-open-mode]')).toBeNull();
    });

    it('creates an app password named for phone sync and today, shows it once with Copy and the warning, and forgets it on Done', async () => {
      http.expectOne('/api/address-books/').flush([]);
      button('Create app password')!.click();
      const req = http.expectOne((r) => r.method === 'POST' && r.url === '/api/auth/tokens/');
      expect(req.request.body).toEqual({ name: phoneSyncTokenName(new Date()) });
      await stable();
      expect(button('Creating…')?.disabled).toBe(true);
      req.flush(
        { id: 9, name: 'Phone sync 2026-05-04', token: 'ctk_phone_secret', created_at: new Date().toISOString(), last_used_at: null },
        { status: 201, statusText: 'Created' },
      );
      await vi.waitFor(() => expect(value('sync-secret')).toBe('ctk_phone_secret'));
      expect(text('[data-testid=sync-token]')).toContain('it will not be shown again');
      expect(text('[data-testid=sync-token]')).toContain('“Phone sync 2026-05-04”');
      expect(button('Copy App password')).toBeTruthy();
      expect(button('Create app password')).toBeUndefined();
      // Focus goes to the secret, so a keyboard or screen-reader user lands on it.
      await vi.waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('sync-token'));

      button('Done')!.click();
      await stable();
      expect(root.querySelector('[data-testid=sync-secret]')).toBeNull();
      expect(button('Create app password')).toBeTruthy();
    });

    it('a failed creation says why, in an alert, and "Try again" sends it again', async () => {
      http.expectOne('/api/address-books/').flush([]);
      button('Create app password')!.click();
      http.expectOne('/api/auth/tokens/').flush({ detail: 'Too many tokens.' }, { status: 400, statusText: 'Bad Request' });
      await vi.waitFor(() => expect(text('[data-testid=sync-token-error]')).toBe('Could not create the app password: Too many tokens.'));
      expect(root.querySelector('[data-testid=sync-token-error]')?.getAttribute('role')).toBe('alert');

      button('Try again')!.click();
      http.expectOne('/api/auth/tokens/').error(new ProgressEvent('error'), { status: 0, statusText: '' });
      await vi.waitFor(() => expect(text('[data-testid=sync-token-error]')).toContain('Cannot reach the server'));

      button('Try again')!.click();
      http
        .expectOne('/api/auth/tokens/')
        .flush(
          { id: 10, name: 'Phone sync', token: 'ctk_second', created_at: new Date().toISOString(), last_used_at: null },
          { status: 201, statusText: 'Created' },
        );
      await vi.waitFor(() => expect(value('sync-secret')).toBe('ctk_second'));
      expect(root.querySelector('[data-testid=sync-token-error]')).toBeNull();
    });

    it('copies with the clipboard and says so', async () => {
      http.expectOne('/api/address-books/').flush([]);
      const writeText = vi.fn().mockResolvedValue(undefined);
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
      button('Copy Server URL')!.click();
      await vi.waitFor(() => expect(writeText).toHaveBeenCalledWith(`${document.location.origin}/dav/`));
      await stable();
      expect(root.querySelector('label[for=sync-server-url]')?.parentElement?.textContent).toContain('Server URL copied');
    });

    it('lists the books that sync, shared and read-only ones marked', async () => {
      expect(root.querySelector('[aria-label="Loading address books"]')).not.toBeNull();
      http.expectOne('/api/address-books/').flush([testBook(1, 'Contacts', 'owner', 2), testBook(4, 'Work', 'viewer', 1, GRACE)]);
      await vi.waitFor(() => expect(root.querySelectorAll('[data-testid=sync-book]')).toHaveLength(2));
      const books = Array.from(root.querySelectorAll('[data-testid=sync-book]')).map((b) => b.textContent?.replace(/\s+/g, ' ').trim());
      expect(books).toEqual(['Contacts 2 contacts', 'Work 1 contact · shared by Grace Hopper · read-only on the device']);
    });

    it('has an empty state, and an error state with Retry for the books', async () => {
      http.expectOne('/api/address-books/').flush({ detail: 'Boom.' }, { status: 500, statusText: 'Server Error' });
      await vi.waitFor(() => expect(text('[role=alert]')).toContain('Could not load your address books.'));
      button('Retry')!.click();
      http.expectOne('/api/address-books/').flush([]);
      await vi.waitFor(() => expect(text('[data-testid=sync-books-empty]')).toContain('No address books yet'));
    });

    it('has short steps for iOS, macOS, DAVx⁵ and Thunderbird, telling to use the app password', () => {
      http.expectOne('/api/address-books/').flush([]);
      const clients = Array.from(root.querySelectorAll('details summary')).map((s) => s.textContent?.trim());
      expect(clients).toEqual(['iPhone and iPad', 'Mac (Contacts)', 'Android (DAVx⁵)', 'Thunderbird']);
      expect(text('[data-testid=sync-steps-ios]')).toContain('Password: the app password');
    });
  });

  describe('without accounts (AUTH=none)', () => {
    beforeEach(() => open(false, null));

    it('shows the URL and says any user name and password work; nothing to create, no books to load', () => {
      expect(value('sync-server-url')).toBe(`${document.location.origin}/dav/`);
      expect(text('[data-testid=sync-open-mode]')).toContain('any user name and password work');
      expect(root.querySelector('[data-testid=sync-username]')).toBeNull();
      expect(button('Create app password')).toBeUndefined();
      expect(text('[data-testid=sync-steps-android]')).toContain('with any user name and any password');
      http.expectNone('/api/address-books/');
    });
  });
});

describe('phoneSyncTokenName', () => {
  it('names the token with the local date', () => {
    expect(phoneSyncTokenName(new Date(2026, 0, 5, 23, 30))).toBe('Phone sync 2026-01-05');
  });
});
