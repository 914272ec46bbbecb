import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AppComponent } from '../app.component';
import { routes } from '../app.routes';
import { AccountMenuComponent } from '../auth/account-menu.component';
import { SessionStore } from '../auth/session.store';
import { CONTACTS_SOCKET_FACTORY, type ContactsSocket } from '../realtime/contact-socket';
import { ADA } from '../testing/account-fixtures';

/** Where the "Sync with your phone" panel is reached from: the account menu, or the header without accounts. */
describe('links to the phone sync panel', () => {
  const syncLink = (root: HTMLElement) =>
    Array.from(root.querySelectorAll<HTMLAnchorElement>('a')).find((a) => a.textContent?.trim() === 'Sync with your phone');

  it('the route has no accounts-only guard: without accounts it explains that any credentials work', () => {
    const route = routes.find((r) => r.path === 'settings/sync');
    expect(route?.loadComponent).toBeDefined();
    expect(route?.canMatch).toBeUndefined();
  });

  it('the account menu has it', async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: SessionStore, useValue: { user: signal(ADA), accounts: signal(true) } }],
    });
    const fixture = TestBed.createComponent(AccountMenuComponent);
    const root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    root.querySelector<HTMLButtonElement>('[data-testid=account-menu-button]')!.click();
    await fixture.whenStable();
    expect(syncLink(root)?.getAttribute('href')).toBe('/settings/sync');
  });

  it('without accounts (no account menu) the header has it', async () => {
    const socket = { connected: false, on: () => socket, connect: () => socket, disconnect: () => socket };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: CONTACTS_SOCKET_FACTORY, useValue: () => socket as unknown as ContactsSocket },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AppComponent);
    const root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/auth/config/').flush({ auth: 'none', signup: 'closed' });
    await vi.waitFor(() => expect(syncLink(root)?.getAttribute('href')).toBe('/settings/sync'));
    expect(root.querySelector('app-account-menu')).toBeNull();
  });
});
