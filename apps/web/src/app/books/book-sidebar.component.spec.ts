import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Subject } from 'rxjs';
import { SessionStore } from '../auth/session.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { ToastService } from '../shared/toast.service';
import { ADA, GRACE, testBook } from '../testing/account-fixtures';
import { BookSidebarComponent } from './book-sidebar.component';

describe('BookSidebarComponent', () => {
  let http: HttpTestingController;
  let root: HTMLElement;
  let stable: () => Promise<void>;
  let toasts: string[];

  beforeEach(async () => {
    toasts = [];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SessionStore, useValue: { accounts: signal(true), user: () => GRACE } },
        { provide: ContactEventsService, useValue: { bookEvents$: new Subject(), events$: new Subject(), resync$: new Subject() } },
        { provide: ToastService, useValue: { show: (m: string) => toasts.push(m), success: (m: string) => toasts.push(m), error: (m: string) => toasts.push(m) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(BookSidebarComponent);
    root = fixture.nativeElement as HTMLElement;
    stable = () => fixture.whenStable();
    await stable();
    http
      .expectOne('/api/address-books/')
      .flush([testBook(3, 'Contacts', 'owner', 2, GRACE), testBook(7, 'Family', 'editor', 5, ADA), testBook(8, 'Work', 'viewer', 1, ADA)]);
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid=book-item]')).toHaveLength(3));
  });
  afterEach(() => http.verify());

  const item = (id: number | 'all') => root.querySelector(`[data-testid=book-link][data-book-id="${id}"]`);
  const button = (label: string) =>
    Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.trim() === label || b.getAttribute('aria-label') === label);

  it('shows all books with the total, each book with its count and, when shared, a role badge', () => {
    expect(item('all')?.textContent).toMatch(/All books\s*8 contacts/);
    expect(item('all')?.getAttribute('aria-current')).toBe('page');
    expect(item(3)?.querySelector('[data-testid=book-role]')).toBeNull();
    expect(item(7)?.querySelector('[data-testid=book-role]')?.textContent?.trim()).toBe('Shared');
    expect(item(8)?.querySelector('[data-testid=book-role]')?.textContent?.trim()).toBe('Viewer');
    expect(item(8)?.textContent).toContain('shared by Ada Lovelace');
    expect(item(7)?.querySelector('[data-testid=book-count]')?.textContent).toContain('5');
  });

  it('owners get share / rename / delete; members get members / leave', async () => {
    button('Actions for Contacts')!.click();
    await stable();
    expect(Array.from(root.querySelectorAll('[data-testid=book-menu] button')).map((b) => b.textContent?.trim())).toEqual(['Share…', 'Rename…', 'Delete…']);
    button('Actions for Family')!.click();
    await stable();
    expect(Array.from(root.querySelectorAll('[data-testid=book-menu] button')).map((b) => b.textContent?.trim())).toEqual(['Members…', 'Leave…']);
  });

  it('creates a book and selects it', async () => {
    button('+ New book')!.click();
    await stable();
    const input = root.querySelector<HTMLInputElement>('#book-name')!;
    input.value = 'Friends';
    input.dispatchEvent(new Event('input'));
    button('Create book')!.click();
    const req = http.expectOne((r) => r.method === 'POST' && r.url === '/api/address-books/');
    expect(req.request.body).toEqual({ name: 'Friends' });
    req.flush(testBook(12, 'Friends', 'owner', 0, GRACE), { status: 201, statusText: 'Created' });
    await vi.waitFor(() => expect(TestBed.inject(Router).url).toBe('/?book=12'));
    expect(item(12)).not.toBeNull();
    expect(toasts).toContain('Address book “Friends” was created');
  });

  it('deleting asks first; the last book (409) is kept and the server’s reason shown', async () => {
    button('Actions for Contacts')!.click();
    await stable();
    button('Delete…')!.click();
    await stable();
    const dialog = root.querySelector('dialog')!;
    expect(dialog.textContent).toContain('Delete “Contacts”?');
    expect(dialog.textContent).toContain('Its 2 contacts are deleted with it.');
    Array.from(dialog.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Delete book')!.click();
    http.expectOne('/api/address-books/3/').flush({ detail: 'You cannot delete your last address book.' }, { status: 409, statusText: 'Conflict' });
    await vi.waitFor(() => expect(toasts).toEqual(['“Contacts” was not deleted: You cannot delete your last address book.']));
    expect(item(3)).not.toBeNull();
  });
});
