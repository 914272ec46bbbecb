import { Injectable } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import type { ImportProgressEvent } from '@contacts/wire-types';

/**
 * How far an import is, for the importing user's open connections: `user_id` is the
 * account (null when no account imports: AUTH=none, the service token, whose progress
 * goes to the unrestricted connections).
 */
export interface ImportProgress {
  user_id: number | null;
  event: ImportProgressEvent;
}

/** Import progress, raised by the job as it goes; the realtime module delivers it on every replica. */
@Injectable()
export class ImportProgressBus {
  private readonly subject = new Subject<ImportProgress>();
  readonly progress$: Observable<ImportProgress> = this.subject.asObservable();

  publish(progress: ImportProgress): void {
    this.subject.next(progress);
  }
}
