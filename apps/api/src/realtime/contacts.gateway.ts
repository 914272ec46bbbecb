import { Logger } from '@nestjs/common';
import { type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace } from 'socket.io';
import { type ContactEvent, type ContactEventMap, SOCKET_IO_NAMESPACE } from '@contacts/wire-types';
import { type EventSink, RealtimeHub } from './realtime-hub.js';

/** Server-to-client events, derived from the one typed event map. */
export type ContactServerEvents = { [K in keyof ContactEventMap]: (event: ContactEventMap[K]) => void };
export type ContactsNamespace = Namespace<Record<string, never>, ContactServerEvents>;

/** Emits under the event's own type, typed through ContactEventMap. */
export function emitContactEvent<K extends keyof ContactEventMap>(
  target: { emit(type: K, event: ContactEventMap[K]): unknown },
  event: ContactEventMap[K] & { type: K },
): void {
  target.emit(event.type, event);
}

/**
 * Socket.IO namespace `/contacts`: read-only for clients, it only pushes events. Emits are
 * local to this replica: every replica receives every event through the hub (Redis
 * channel + sweep), so a cluster-wide emit here would duplicate them.
 */
@WebSocketGateway({ namespace: SOCKET_IO_NAMESPACE })
export class ContactsGateway implements OnGatewayInit<ContactsNamespace>, EventSink {
  readonly name = 'socket.io';
  private readonly logger = new Logger(ContactsGateway.name);
  private namespace: ContactsNamespace | null = null;

  constructor(private readonly hub: RealtimeHub) {}

  afterInit(namespace: ContactsNamespace): void {
    this.namespace = namespace;
    this.hub.addSink(this);
    this.logger.debug(`Socket.IO namespace ${SOCKET_IO_NAMESPACE} ready`);
  }

  sendLocal(event: ContactEvent): void {
    if (this.namespace) emitContactEvent(this.namespace.local, event);
  }
}
