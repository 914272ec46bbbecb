import { Injectable, inject } from '@angular/core';
import type { Contact, ContactEvent } from '@contacts/wire-types';
import { fullName } from '../shared/contact-validation';
import { SessionStore } from '../auth/session.store';
import { ToastService } from '../shared/toast.service';
import { ContactEventsService } from './contact-events.service';
import { ContactVersions } from './contact-versions';
import { LocalEchoService } from './local-echo.service';

/** Toasts changes made elsewhere (other tabs, other users, external updates). */
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
    if (this.events.state() === 'catching-up') {
      this.replayed++;
      return;
    }
    const name = e.type === 'contact.deleted' ? this.names.get(e.contact_id) : fullName(e.contact);
    this.toasts.show(remoteChangeMessage(e, name, this.session.user()?.id ?? null));
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
