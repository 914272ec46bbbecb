import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module.js';
import { AccessChangeRelay } from './access-change-relay.js';
import { ConnectionAuthenticator } from './connection-authenticator.js';
import { ContactsGateway } from './contacts.gateway.js';
import { DatabaseChangeWatcher } from './database-change-watcher.js';
import { EventRelay } from './event-relay.js';
import { ImportProgressRelay } from './import-progress-relay.js';
import { PlainWsServer } from './plain-ws.server.js';
import { RealtimeHub } from './realtime-hub.js';
import { VersionNotificationsRepository } from './version-notifications.repository.js';

/**
 * Socket.IO + plain WebSocket push of contact events, on every replica, each connection
 * receiving the books its user can read (AccessResolver, global, authenticates them;
 * AccessChangeRelay keeps them current).
 */
@Module({
  imports: [HistoryModule],
  providers: [
    RealtimeHub, EventRelay, ContactsGateway, PlainWsServer, AccessChangeRelay, ImportProgressRelay, ConnectionAuthenticator,
    // Changes made outside the server (sqlite3, psql, another program): see the watcher.
    DatabaseChangeWatcher, VersionNotificationsRepository,
  ],
})
export class RealtimeModule {}
