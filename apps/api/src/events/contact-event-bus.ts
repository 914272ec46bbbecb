import { Injectable } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import type { ContactEvent } from '@contacts/wire-types';

/**
 * Domain events, raised once per mutation after its transaction commits. The realtime
 * module subscribes; writers never know who listens.
 */
@Injectable()
export class ContactEventBus {
  private readonly subject = new Subject<ContactEvent>();
  readonly events$: Observable<ContactEvent> = this.subject.asObservable();

  publish(event: ContactEvent): void {
    this.subject.next(event);
  }
}
