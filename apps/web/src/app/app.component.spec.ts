import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AppComponent } from './app.component';
import { sessionInterceptor } from './auth/session.interceptor';
import { CONTACTS_SOCKET_FACTORY, type ContactsSocket } from './realtime/contact-socket';
import { ADA } from './testing/account-fixtures';

type Handler = (...args: unknown[]) => void;

class FakeSocket {
  connected = false;
  active: boolean | undefined = undefined;
  connects = 0;
  private readonly handlers = new Map<string, Handler[]>();
  on(name: string, fn: Handler): this {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), fn]);
    return this;
  }
  connect(): this {
    this.connects++;
    return this;
  }
  disconnect(): this {
    return this;
  }
  fire(name: string, ...args: unknown[]): void {
    if (name === 'connect') this.connected = true;
    if (name === 'disconnect') this.connected = false;
    for (const fn of this.handlers.get(name) ?? []) fn(...args);
  }
}

describe('AppComponent (which app shows, and when the socket opens)', () => {
  let http: HttpTestingController;
  let socket: FakeSocket;
  let root: HTMLElement;
  let stable: () => Promise<void>;

  beforeEach(async () => {
    socket = new FakeSocket();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([sessionInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: CONTACTS_SOCKET_FACTORY, useValue: () => socket as unknown as ContactsSocket },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AppComponent);
    root = fixture.nativeElement as HTMLElement;
    stable = () => fixture.whenStable();
    await stable();
  });

  const navLinks = () => Array.from(root.querySelectorAll('nav[aria-label=Main] a')).map((a) => a.textContent?.trim());

  it('AUTH=none: the Part 1 app at once — no sign-in, no account menu, no books', async () => {
    http.expectOne('/api/auth/config/').flush({ auth: 'none', signup: 'closed' });
    await vi.waitFor(() => expect(navLinks()).toEqual(['All contacts', 'Recently deleted', 'Duplicates']));
    expect(root.querySelector('app-account-menu')).toBeNull();
    expect(root.querySelector('app-auth-page')).toBeNull();
    expect(socket.connects).toBe(1);
    http.expectNone('/api/auth/me/');
    http.expectNone('/api/address-books/');
  });

  it('AUTH=accounts, not signed in: the sign-in page, and no socket until signed in', async () => {
    http.expectOne('/api/auth/config/').flush({ auth: 'accounts', signup: 'closed' });
    (await vi.waitFor(() => http.expectOne('/api/auth/me/'))).flush({}, { status: 401, statusText: 'Unauthorized' });
    await vi.waitFor(() => expect(root.querySelector('app-auth-page')).not.toBeNull());
    expect(navLinks()).toEqual([]);
    expect(socket.connects).toBe(0);
  });

  it('AUTH=accounts, signed in: account menu and books; a socket refused as unauthorized brings the sign-in dialog, and signing in again reconnects', async () => {
    http.expectOne('/api/auth/config/').flush({ auth: 'accounts', signup: 'closed' });
    (await vi.waitFor(() => http.expectOne('/api/auth/me/'))).flush(ADA);
    await vi.waitFor(() => expect(root.querySelector('app-account-menu')?.textContent).toContain('Ada Lovelace'));
    http.expectOne('/api/address-books/').flush([]);
    expect(socket.connects).toBe(1);
    socket.fire('connect');

    socket.fire('disconnect', 'io server disconnect');
    socket.fire('connect_error', new Error('unauthorized'));
    await vi.waitFor(() => expect(root.querySelector('[data-testid=session-expired]')).not.toBeNull());
    const connectsBefore = socket.connects;
    const password = root.querySelector<HTMLInputElement>('#resume-password')!;
    password.value = 'correct horse battery';
    password.dispatchEvent(new Event('input'));
    await stable();
    root.querySelector<HTMLButtonElement>('[data-testid=session-expired] button[type=submit]')!.click();
    const login = http.expectOne('/api/auth/login/');
    expect(login.request.body).toEqual({ email: ADA.email, password: 'correct horse battery' });
    login.flush({ user: ADA });
    await vi.waitFor(() => expect(root.querySelector('[data-testid=session-expired]')).toBeNull());
    expect(socket.connects).toBe(connectsBefore + 1);
    http.expectOne('/api/address-books/').flush([]);
  });
});
