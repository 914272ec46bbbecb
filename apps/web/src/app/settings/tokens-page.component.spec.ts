import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ApiToken } from '@contacts/wire-types';
import { TokensPageComponent } from './tokens-page.component';

const token = (id: number, name: string, last_used_at: string | null = null): ApiToken => ({
  id,
  name,
  created_at: new Date().toISOString(),
  last_used_at,
});

describe('TokensPageComponent', () => {
  let http: HttpTestingController;
  let root: HTMLElement;
  let stable: () => Promise<void>;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(TokensPageComponent);
    root = fixture.nativeElement as HTMLElement;
    stable = () => fixture.whenStable();
    await stable();
  });
  afterEach(() => http.verify());

  const rows = () => Array.from(root.querySelectorAll('[data-testid=token-row]')).map((r) => r.textContent?.replace(/\s+/g, ' ').trim());
  const button = (label: string) =>
    Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.trim() === label || b.getAttribute('aria-label') === label);

  it('lists tokens with when they were created and last used, or "never used"', async () => {
    http.expectOne('/api/auth/tokens/').flush([token(1, 'Backup', new Date().toISOString()), token(2, 'Phone sync')]);
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows()[0]).toMatch(/Backup Created .* last used just now/);
    expect(rows()[1]).toContain('never used');
  });

  it('has an empty state', async () => {
    http.expectOne('/api/auth/tokens/').flush([]);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=empty-state]')?.textContent).toContain('No tokens yet'));
  });

  it('creates with a name and shows the secret once, with Copy and a clear warning', async () => {
    http.expectOne('/api/auth/tokens/').flush([]);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=empty-state]')).not.toBeNull());
    button('Create token')!.click();
    await stable();
    http.expectNone('/api/auth/tokens/');
    expect(root.querySelector('#token-name-error')?.textContent).toContain('Give the token a name');

    const input = root.querySelector<HTMLInputElement>('#token-name')!;
    input.value = 'Backup script';
    input.dispatchEvent(new Event('input'));
    button('Create token')!.click();
    const req = http.expectOne((r) => r.method === 'POST' && r.url === '/api/auth/tokens/');
    expect(req.request.body).toEqual({ name: 'Backup script' });
    req.flush({ ...token(5, 'Backup script'), token: 'ctk_secret123' }, { status: 201, statusText: 'Created' });
    await vi.waitFor(() => expect(root.querySelector('[data-testid=new-token]')).not.toBeNull());
    const box = root.querySelector('[data-testid=new-token]');
    expect(box?.textContent).toContain("you won't see it again");
    expect(root.querySelector<HTMLInputElement>('[data-testid=token-secret]')?.value).toBe('ctk_secret123');
    expect(button('Copy')).toBeTruthy();
    expect(rows()[0]).toContain('Backup script');
    // The list never holds the secret.
    expect(rows().join(' ')).not.toContain('ctk_secret123');
    button('Done')!.click();
    await stable();
    expect(root.querySelector('[data-testid=token-secret]')).toBeNull();
  });

  it('revokes only after confirmation', async () => {
    http.expectOne('/api/auth/tokens/').flush([token(1, 'Backup')]);
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    button('Revoke Backup')!.click();
    await stable();
    const dialog = root.querySelector('dialog');
    expect(dialog?.textContent).toContain('Revoke “Backup”?');
    http.expectNone('/api/auth/tokens/1/');
    Array.from(dialog!.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Revoke')!.click();
    const req = http.expectOne('/api/auth/tokens/1/');
    expect(req.request.method).toBe('DELETE');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await vi.waitFor(() => expect(rows()).toEqual([]));
  });
});
