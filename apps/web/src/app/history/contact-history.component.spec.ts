import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Subject } from 'rxjs';
import { emptyContactDetails, type Merge, type Version } from '@contacts/wire-types';
import { SessionStore } from '../auth/session.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { ToastService } from '../shared/toast.service';
import { testContact } from '../testing/contact-fixtures';
import { ContactHistoryComponent } from './contact-history.component';

function version(id: number, contact: number, reason: Version['edited_reason'], fields: Partial<Version> = {}): Version {
  return {
    id,
    contact,
    address_book: 1,
    first_name: 'Ada',
    last_name: 'Lovelace',
    email: `ada${contact}@example.com`,
    phone: '+44 20 7946 0000',
    ...emptyContactDetails(),
    edited_at: `2026-11-26T10:00:${String(id).padStart(2, '0')}.000Z`,
    edited_reason: reason,
    edited_by: { id: 1, name: 'Grace Hopper' },
    edited_via: 'web',
    ...fields,
  };
}

/** Contact 2 merged into contact 1: the survivor's `merged` version is 9, the other's 8. */
const merge: Merge = {
  id: 5,
  address_book: 1,
  contact: 1,
  others: [2],
  version: 9,
  merged_at: '2026-11-26T10:00:09.000Z',
  merged_by: { id: 1, name: 'Grace Hopper' },
  undone_at: null,
  undone_by: null,
};

describe('ContactHistoryComponent and merges', () => {
  let fixture: ComponentFixture<ContactHistoryComponent>;
  let root: HTMLElement;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SessionStore, useValue: { accounts: signal(false), user: () => null } },
        { provide: ContactEventsService, useValue: { events$: new Subject(), resync$: new Subject(), bookEvents$: new Subject() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const open = (id: number) => {
    fixture = TestBed.createComponent(ContactHistoryComponent);
    fixture.componentRef.setInput('id', String(id));
    root = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  };
  const settle = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  const buttons = () => Array.from(root.querySelectorAll('button')).map((b) => b.textContent?.trim());

  it("offers Undo merge on the survivor's merged version, and reads the history again once undone", async () => {
    open(1);
    http.expectOne('/api/contacts/1/history/').flush([version(9, 1, 'merged'), version(1, 1, 'created')]);
    http.expectOne('/api/merges/?contact=1').flush([merge]);
    await settle();
    const merged = root.querySelector('[data-testid=version][data-reason=merged]')!;
    expect(merged.textContent).toContain('Merged');
    expect(merged.querySelector('[data-testid=version-editor]')?.textContent).toBe('Grace Hopper merged in the web app');
    const undo = merged.querySelector<HTMLButtonElement>('[data-testid=undo-merge]')!;
    expect(undo.textContent?.trim()).toBe('Undo merge');
    expect(root.querySelector('[data-testid=merged-into]')).toBeNull();

    undo.click();
    http
      .expectOne('/api/merges/5/undo/')
      .flush({ contact: testContact(1), restored: [testContact(2)], merge: { ...merge, undone_at: '2026-11-26T10:01:00.000Z' } });
    await vi.waitFor(() => expect(TestBed.inject(ToastService).toasts().at(-1)?.message).toBe('Merge undone'));
    http.expectOne('/api/contacts/1/history/').flush([version(10, 1, 'unmerged'), version(9, 1, 'merged'), version(1, 1, 'created')]);
    http.expectOne('/api/merges/?contact=1').flush([{ ...merge, undone_at: '2026-11-26T10:01:00.000Z' }]);
    await settle();
    expect(root.querySelector('[data-testid=version][data-reason=unmerged]')?.textContent).toContain('Unmerged');
    expect(root.querySelector('[data-testid=undo-merge]')).toBeNull();
  });

  it('says a merged-away contact was merged into the survivor, links to it, and offers Undo merge', async () => {
    open(2);
    http.expectOne('/api/contacts/2/history/').flush([version(8, 2, 'merged'), version(2, 2, 'created')]);
    http.expectOne('/api/merges/?contact=2').flush([merge]);
    http.expectOne('/api/contacts/1/').flush({ ...testContact(1), first_name: 'Augusta Ada', last_name: 'King' });
    await settle();
    const banner = root.querySelector('[data-testid=merged-into]')!;
    expect(banner.textContent?.replace(/\s+/g, ' ')).toContain('Merged into Augusta Ada King.');
    expect(banner.querySelector('[data-testid=merged-into-link]')?.getAttribute('href')).toBe('/contacts/1');
    expect(banner.querySelector('button')?.textContent?.trim()).toBe('Undo merge');
    // Gone: no details link, nothing to revert or restore.
    expect(Array.from(root.querySelectorAll('a')).map((a) => a.textContent?.trim())).not.toContain('Contact details');
    expect(buttons()).not.toContain('Revert to this version');
    expect(buttons()).not.toContain('Restore');
  });

  it('does not ask for merges when the history has none', async () => {
    open(3);
    http.expectOne('/api/contacts/3/history/').flush([version(4, 3, 'updated'), version(3, 3, 'created')]);
    await settle();
    expect(buttons()).toEqual(['Revert to this version']);
  });
});
