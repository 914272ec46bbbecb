import { Injectable, inject } from '@angular/core';
import type { Contact, ContactEvent } from '@contacts/wire-types';
import { fullName } from '../shared/contact-validation';
import { SessionStore } from '../auth/session.store';
import { ToastService } from '../shared/toast.service';
import { ContactEventsService } from './contact-events.service';
import { ContactVersions } from './contact-versions';
import { LocalEchoService } from './local-echo.service';

/** Changes announced one by one in a burst; the rest of it is summed up in one toast per window. */
export const BURST_TOASTS = 4;
export const BURST_WINDOW_MS = 3000;

/**
 * Toasts changes made elsewhere (other tabs, other users, external updates). A flood (an import
 * elsewhere, a script) is summed up instead of stacking a toast per contact, and the echo of an
 * import running in this tab is left to the import's own summary.
 */
@Injectable({ providedIn: 'root' })
export class RemoteChangeNotifier {
  private readonly events = inject(ContactEventsService);
  private readonly echo = inject(LocalEchoService);
  private readonly toasts = inject(ToastService);
  private readonly session = inject(SessionStore);
  /** Names of contacts seen recently, so a delete event (id only) can still be named. */
  private readonly names = new Map<number, string>();
  /** A late event for a contact already shown newer is old news: no toast, no stale name. */
  private readonly versions = new ContactVersions();
  private replayed = 0;
  private started = false;
  private windowStart = 0;
  private shownInWindow = 0;
  /** Changes not toasted one by one while a flood lasts; summed up at the end of each window. */
  private held = 0;
  private flood = false;
  private summaryTimer: ReturnType<typeof setTimeout> | undefined;

  start(): void {
    if (this.started) return;
    this.started = true;
    this.events.events$.subscribe((e) => this.onEvent(e));
    this.events.resync$.subscribe(() => {
      // One summary instead of a burst of toasts after a reconnect.
      if (this.replayed > 0) {
        const n = this.replayed;
        this.toasts.show(`Caught up: ${n} change${n === 1 ? '' : 's'} made while you were offline.`);
      }
      this.replayed = 0;
    });
  }

  remember(contacts: readonly Contact[]): void {
    for (const c of contacts) {
      const shown = this.versions.acceptRow(c);
      if (shown) this.names.set(shown.id, fullName(shown));
    }
    if (this.names.size > 5000) this.names.clear();
  }

  private onEvent(e: ContactEvent): void {
    const local = this.echo.isLocal(e);
    if (!this.versions.acceptEvent(e)) return;
    if (e.type !== 'contact.deleted') this.names.set(e.contact.id, fullName(e.contact));
    if (local) return;
    const me = this.session.user()?.id ?? null;
    if (this.echo.isImportEcho(e) && (e.edited_by === null || e.edited_by.id === me)) return;
    if (this.events.state() === 'catching-up') {
      this.replayed++;
      return;
    }
    const name = e.type === 'contact.deleted' ? this.names.get(e.contact_id) : fullName(e.contact);
    this.announce(remoteChangeMessage(e, name, me));
  }

  private announce(message: string): void {
    const now = Date.now();
    if (!this.flood && now - this.windowStart >= BURST_WINDOW_MS) {
      this.windowStart = now;
      this.shownInWindow = 0;
    }
    if (!this.flood && this.shownInWindow < BURST_TOASTS) {
      this.shownInWindow++;
      this.toasts.show(message);
      return;
    }
    this.flood = true;
    this.held++;
    this.summaryTimer ??= setTimeout(() => this.summarise(), BURST_WINDOW_MS);
  }

  /** Once per window while changes keep coming; a quiet window ends the flood. */
  private summarise(): void {
    this.summaryTimer = undefined;
    const n = this.held;
    this.held = 0;
    if (n === 0) {
      this.flood = false;
      this.windowStart = 0;
      return;
    }
    this.toasts.show(`${n} more change${n === 1 ? '' : 's'} made elsewhere`);
    this.summaryTimer = setTimeout(() => this.summarise(), BURST_WINDOW_MS);
  }
}

/**
 * The toast for a change made elsewhere: "Grace Hopper edited Ada Lovelace". Events name the
 * editor when an account made the change; my own account in another tab or through a token is
 * "You … elsewhere"; without an editor (no accounts, a service, a change made straight in the
 * database) "elsewhere" is all the event can tell.
 */
export function remoteChangeMessage(e: ContactEvent, name: string | undefined, me: number | null = null): string {
  const self = e.edited_by !== null && me !== null && e.edited_by.id === me;
  const editor = self ? 'You' : e.edited_by?.name.trim();
  const where = self ? ' elsewhere' : '';
  if (e.type === 'contact.deleted') {
    if (editor) return `${editor} deleted ${name ?? 'a contact'}${where}`;
    return name ? `${name} was deleted elsewhere` : 'A contact was deleted elsewhere';
  }
  const who = name ?? fullName(e.contact);
  if (e.type === 'contact.created') return editor ? `${editor} added ${who}${where}` : `${who} was added elsewhere`;
  return editor ? `${editor} edited ${who}${where}` : `${who} was updated elsewhere`;
}
