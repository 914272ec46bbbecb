import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { SignupMode } from '@contacts/wire-types';
import { ADA } from '../testing/account-fixtures';
import { AuthPageComponent } from './auth-page.component';
import { SessionStore } from './session.store';

function type(root: HTMLElement, label: string, value: string): void {
  const id = Array.from(root.querySelectorAll('label')).find((l) => l.textContent?.trim() === label)?.getAttribute('for');
  const input = root.querySelector<HTMLInputElement>(`#${id}`);
  if (!input) throw new Error(`no input labelled ${label}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('AuthPageComponent (sign-in, sign-up, first run)', () => {
  let http: HttpTestingController;
  let root: HTMLElement;
  let stable: () => Promise<void>;
  let session: SessionStore;

  async function render(signup: SignupMode): Promise<void> {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionStore);
    const started = session.start();
    http.expectOne('/api/auth/config/').flush({ auth: 'accounts', signup });
    (await vi.waitFor(() => http.expectOne('/api/auth/me/'))).flush({}, { status: 401, statusText: 'Unauthorized' });
    await started;
    const fixture = TestBed.createComponent(AuthPageComponent);
    root = fixture.nativeElement as HTMLElement;
    stable = () => fixture.whenStable();
    await stable();
  }

  const submit = async () => {
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await stable();
  };
  const text = () => root.textContent?.replace(/\s+/g, ' ') ?? '';
  const labels = () => Array.from(root.querySelectorAll('label')).map((l) => l.textContent?.trim());
  const fieldError = (id: string) => root.querySelector(`#${id}-error`)?.textContent?.trim();

  it('first run: only sign-up, saying the account will be the administrator', async () => {
    await render('first_user');
    expect(root.querySelector('h1')?.textContent).toContain('Create the first account — it will be the administrator');
    expect(labels()).toEqual(['Name', 'Email', 'Password']);
    expect(text()).not.toContain('Sign in');
    type(root, 'Name', 'Ada Lovelace');
    type(root, 'Email', 'ada@example.com');
    type(root, 'Password', 'correct horse battery');
    await submit();
    const req = http.expectOne('/api/auth/signup/');
    expect(req.request.body).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com', password: 'correct horse battery' });
    req.flush({ user: ADA }, { status: 201, statusText: 'Created' });
    await vi.waitFor(() => expect(session.status()).toBe('signed-in'));
  });

  it('checks the fields before sending (short password, bad email)', async () => {
    await render('first_user');
    type(root, 'Email', 'nope');
    type(root, 'Password', 'short');
    await submit();
    http.expectNone('/api/auth/signup/');
    expect(fieldError('signup-name')).toBe('Name is required.');
    expect(fieldError('signup-email')).toBe('Enter a valid email address.');
    expect(fieldError('signup-password')).toBe('Use at least 8 characters.');
    expect(root.querySelector('#signup-password')?.getAttribute('aria-describedby')).toBe('signup-password-hint signup-password-error');
  });

  it('shows the server’s field errors on the fields ({"email": [...]})', async () => {
    await render('open');
    root.querySelector<HTMLButtonElement>('button:not([type=submit])')!.click();
    await stable();
    expect(root.querySelector('h1')?.textContent).toContain('Create your account');
    type(root, 'Name', 'Ada');
    type(root, 'Email', 'ada@example.com');
    type(root, 'Password', 'long enough pw');
    await submit();
    http.expectOne('/api/auth/signup/').flush({ email: ['A user with that email already exists.'] }, { status: 400, statusText: 'Bad Request' });
    await vi.waitFor(() => expect(fieldError('signup-email')).toBe('A user with that email already exists.'));
    expect(root.querySelector('#signup-email')?.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('[data-testid=form-error]')).toBeNull();
  });

  it('sign-in: the "wrong email or password" detail, and 429 with when to try again', async () => {
    await render('closed');
    expect(root.querySelector('h1')?.textContent).toContain('Sign in to Contacts');
    expect(text()).toContain('Ask your administrator');
    expect(text()).not.toContain('Create an account');
    type(root, 'Email', 'ada@example.com');
    type(root, 'Password', 'wrong');
    await submit();
    http.expectOne('/api/auth/login/').flush({ detail: 'Unable to log in with provided credentials.' }, { status: 400, statusText: 'Bad Request' });
    await vi.waitFor(() => expect(root.querySelector('[data-testid=form-error]')?.textContent).toContain('Unable to log in with provided credentials.'));
    await submit();
    http
      .expectOne('/api/auth/login/')
      .flush({ detail: 'Too many failed login attempts.' }, { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '120' } });
    await vi.waitFor(() => expect(root.querySelector('[data-testid=form-error]')?.textContent).toContain('Try again in 120 s.'));
    expect(session.status()).toBe('signed-out');
  });

  it('SIGNUP=open: the sign-in page links to sign-up', async () => {
    await render('open');
    expect(text()).toContain('New here? Create an account');
  });
});
