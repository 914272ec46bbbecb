import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ContactEventsService } from './contact-events.service';

const LABELS = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  'catching-up': 'Catching up…',
  'signed-out': 'Signed out',
} as const;

@Component({
  selector: 'app-connection-indicator',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span
      class="inline-flex items-center gap-2 rounded-full border px-3 py-1 text-xs font-medium"
      [class]="tone()"
      role="status"
      [attr.aria-label]="'Realtime connection: ' + label()"
      data-testid="connection-state"
      [attr.data-state]="events.state()"
    >
      <span class="relative flex size-2" aria-hidden="true">
        @if (events.state() === 'live') {
          <span class="absolute inline-flex size-full animate-ping rounded-full bg-emerald-400 opacity-60 motion-reduce:animate-none"></span>
        }
        <span class="relative inline-flex size-2 rounded-full" [class]="dot()"></span>
      </span>
      {{ label() }}
    </span>
  `,
})
export class ConnectionIndicatorComponent {
  protected readonly events = inject(ContactEventsService);
  protected readonly label = computed(() => LABELS[this.events.state()]);
  protected readonly tone = computed(() =>
    this.events.state() === 'live'
      ? 'border-emerald-200 bg-emerald-50 text-emerald-800'
      : 'border-amber-200 bg-amber-50 text-amber-900',
  );
  protected readonly dot = computed(() => (this.events.state() === 'live' ? 'bg-emerald-500' : 'bg-amber-500'));
}
