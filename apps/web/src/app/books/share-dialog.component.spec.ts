import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AddressBook, AddressBookMember } from '@contacts/wire-types';
import { SessionStore } from '../auth/session.store';
import { ToastService } from '../shared/toast.service';
import { ADA, GRACE, testBook } from '../testing/account-fixtures';
import { ShareDialogComponent } from './share-dialog.component';

const member = (u: { id: number; name: string; email: string }, role: AddressBookMember['role']): AddressBookMember => ({
  user: { id: u.id, name: u.name, email: u.email },
  role,
});

describe('ShareDialogComponent', () => {
  let http: HttpTestingController;
  let root: HTMLElement;
  let stable: () => Promise<void>;
  let left: number;

  async function render(book: AddressBook, me = ADA): Promise<void> {
    left = 0;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SessionStore, useValue: { user: () => me } },
        { provide: ToastService, useValue: { show: () => 0, success: () => 0, error: () => 0 } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ShareDialogComponent);
    fixture.componentRef.setInput('book', book);
    fixture.componentInstance.leave.subscribe(() => left++);
    root = fixture.nativeElement as HTMLElement;
    stable = () => fixture.whenStable();
    await stable();
    http.expectOne(`/api/address-books/${book.id}/members/`).flush([member(ADA, 'owner'), member(GRACE, 'viewer')]);
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid=member-row]')).toHaveLength(2));
  }
  afterEach(() => http.verify());

  const rows = () => Array.from(root.querySelectorAll('[data-testid=member-row]')).map((r) => r.textContent?.replace(/\s+/g, ' ').trim());
  const button = (label: string) =>
    Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.trim() === label || b.getAttribute('aria-label') === label);
  const typeEmail = (value: string) => {
    const input = root.querySelector<HTMLInputElement>('#share-email')!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  it('the owner sees members with roles, and adds someone by email with a role', async () => {
    await render(testBook(3, 'Family'));
    expect(rows()[0]).toBe('Ada Lovelace (you)ada@example.comOwner');
    expect(rows()[1]).toContain('Grace Hoppergrace@example.com');
    expect(root.querySelector<HTMLSelectElement>('#member-role-2')?.value).toBe('viewer');
    typeEmail('alan@example.com');
    const role = root.querySelector<HTMLSelectElement>('#share-role')!;
    role.value = 'viewer';
    role.dispatchEvent(new Event('change'));
    await stable();
    button('Share')!.click();
    const req = http.expectOne('/api/address-books/3/members/');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ email: 'alan@example.com', role: 'viewer' });
    req.flush(member({ id: 9, name: 'Alan Turing', email: 'alan@example.com' }, 'viewer'), { status: 201, statusText: 'Created' });
    await vi.waitFor(() => expect(rows()).toHaveLength(3));
    expect(root.querySelector<HTMLInputElement>('#share-email')!.value).toBe('');
  });

  it('shows "unknown email" from the server on the email field', async () => {
    await render(testBook(3, 'Family'));
    typeEmail('nobody@example.com');
    button('Share')!.click();
    http.expectOne('/api/address-books/3/members/').flush({ email: ['No account with this email.'] }, { status: 400, statusText: 'Bad Request' });
    await vi.waitFor(() => expect(root.querySelector('#share-email-error')?.textContent).toContain('No account with this email.'));
    expect(root.querySelector('#share-email')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('changes a role and removes a member', async () => {
    await render(testBook(3, 'Family'));
    const select = root.querySelector<HTMLSelectElement>('#member-role-2')!;
    select.value = 'editor';
    select.dispatchEvent(new Event('change'));
    const patch = http.expectOne('/api/address-books/3/members/2/');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ role: 'editor' });
    patch.flush(member(GRACE, 'editor'));
    await stable();
    button('Remove Grace Hopper')!.click();
    const del = http.expectOne('/api/address-books/3/members/2/');
    expect(del.request.method).toBe('DELETE');
    del.flush(null, { status: 204, statusText: 'No Content' });
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
  });

  it('a member sees who has access, cannot change it, and can leave', async () => {
    await render(testBook(3, 'Family', 'viewer'), GRACE);
    expect(root.querySelector('#share-email')).toBeNull();
    expect(root.querySelector('select')).toBeNull();
    expect(root.textContent).toContain('Shared with you by Ada Lovelace');
    button('Leave this book')!.click();
    expect(left).toBe(1);
  });
});
