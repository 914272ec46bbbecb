import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import type { Contact, ContactEvent } from '@contacts/wire-types';
import { ContactEventsService } from '../realtime/contact-events.service';
import { testContact } from '../testing/contact-fixtures';
import { ContactEditDialogComponent } from './contact-edit-dialog.component';

const ada = (updated_at: string, phone: string): Contact => ({
  ...testContact(1),
  first_name: 'Ada',
  last_name: 'Lovelace',
  phone,
  updated_at,
});

describe('ContactEditDialogComponent, changes made elsewhere', () => {
  let events: Subject<ContactEvent>;
  let root: HTMLElement;
  let stable: () => Promise<void>;

  beforeEach(async () => {
    events = new Subject<ContactEvent>();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: ContactEventsService, useValue: { events$: events, resync$: new Subject<void>(), state: () => 'live' } },
      ],
    });
    const fixture = TestBed.createComponent(ContactEditDialogComponent);
    fixture.componentRef.setInput('contactId', 1);
    fixture.detectChanges();
    root = fixture.nativeElement as HTMLElement;
    stable = () => fixture.whenStable();
    TestBed.inject(HttpTestingController)
      .expectOne((r) => r.method === 'GET' && r.url.endsWith('/api/contacts/1/'))
      .flush(ada('2026-11-26T10:00:05.000Z', '+1 555 0005'), { headers: { ETag: '"v5"' } });
    await stable();
  });

  const banner = () => root.querySelector('[data-testid=remote-change-banner]')?.textContent ?? null;
  const update = (contact: Contact, seq: number) => events.next({ type: 'contact.updated', contact, seq, edited_by: null });

  it('ignores the echo of the loaded version and a late event for an older one', async () => {
    update(ada('2026-11-26T10:00:05.000Z', '+1 555 0005'), 5);
    update(ada('2026-11-26T10:00:01.000Z', '+1 555 0001'), 4);
    await stable();
    expect(banner()).toBeNull();
  });

  it('shows a newer version as a change made elsewhere', async () => {
    update(ada('2026-11-26T10:00:09.000Z', '+1 555 0009'), 9);
    await stable();
    expect(banner()).toContain('Phone is now “+1 555 0009”');
  });
});
