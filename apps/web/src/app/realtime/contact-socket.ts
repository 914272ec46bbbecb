import { InjectionToken } from '@angular/core';
import { io, type Socket } from 'socket.io-client';
import { SOCKET_IO_NAMESPACE, type ContactEventMap } from '@contacts/wire-types';

/** socket.io-client's listener map derived from the one shared event map. */
export type ContactListenEvents = { [K in keyof ContactEventMap]: (event: ContactEventMap[K]) => void };

/** The part of a socket.io-client Socket the app uses; small so tests can fake it. */
export type ContactsSocket = Pick<Socket<ContactListenEvents, Record<string, never>>, 'on' | 'connect' | 'disconnect' | 'connected' | 'active'>;

export const CONTACTS_SOCKET_FACTORY = new InjectionToken<() => ContactsSocket>('CONTACTS_SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => () =>
    io(SOCKET_IO_NAMESPACE, {
      // WebSocket only: no sticky sessions needed behind a load balancer with several replicas.
      transports: ['websocket'],
      autoConnect: false,
      // Reconnect quickly after a server restart; the catch-up feed fills the gap.
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
      randomizationFactor: 0.3,
    }),
});
