import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { RedisConnections } from './redis-connections.js';

/** One open channel: `publish` reaches every other replica (never this one). */
export interface ReplicaChannel {
  publish(message: unknown): void;
  close(): void;
}

export interface ReplicaChannelHandlers {
  /** A message from another replica, as it sent it (check it before use). */
  onMessage(message: unknown): void;
  /**
   * The subscription is back after its connection was lost: messages sent meanwhile never
   * came. What depends on them must be re-read from the source of truth.
   */
  onResumed?(): void;
}

/** On the wire: the sender's process id beside the message, so a replica knows its own echo. */
interface Envelope {
  origin: string;
  message: unknown;
}

export function replicaChannel(redisPrefix: string, name: string): string {
  return `${redisPrefix}contacts:${name}`;
}

/**
 * Pub/sub channels between the API replicas for JSON they do not interpret: the feature
 * that opens one encodes and checks its own messages. Each replica hears every other
 * replica's messages once and skips its own (Redis sends a publisher its own messages
 * too, and the publisher has already applied them locally).
 *
 * Unlike the event channel, a publish while Redis is down is not dropped: it waits in
 * ioredis's offline queue and goes out on reconnect. What these channels carry (who may
 * see what) has no history to be swept from, and there is little of it.
 * Without REDIS_URL, channels are silent: there is no other replica to reach.
 */
@Injectable()
export class ReplicaChannels {
  private readonly logger = new Logger(ReplicaChannels.name);
  /** This process on the wire. */
  readonly origin = randomUUID();

  constructor(private readonly redis: RedisConnections) {}

  open(name: string, handlers: ReplicaChannelHandlers): ReplicaChannel {
    const { pub, sub } = this.redis;
    if (!pub || !sub) return { publish: () => undefined, close: () => undefined };
    const channel = replicaChannel(this.redis.config.redisPrefix, name);
    const onMessage = (from: string, raw: string) => {
      if (from !== channel) return;
      const envelope = decodeEnvelope(raw);
      if (!envelope) this.logger.warn(`Ignored a malformed message on ${channel}`);
      else if (envelope.origin !== this.origin) handlers.onMessage(envelope.message);
    };
    const subscribe = () => sub.subscribe(channel).catch((error: Error) => {
      this.logger.warn(`subscribe to ${channel} failed: ${error.message}`);
      return null;
    });
    // ioredis re-subscribes by itself after a reconnect, right after 'ready'. Our own
    // SUBSCRIBE (a no-op twice) answers once the channel is live again: from then on no
    // message is missed, so that is when what depends on them is re-read.
    let lost = false;
    const onLost = () => {
      lost = true;
    };
    const onReady = () => {
      if (!lost) return;
      lost = false;
      void subscribe().then((ok) => ok !== null && handlers.onResumed?.());
    };
    sub.on('message', onMessage);
    sub.on('close', onLost);
    sub.on('ready', onReady);
    void subscribe();
    return {
      publish: (message) => {
        const envelope: Envelope = { origin: this.origin, message };
        pub.publish(channel, JSON.stringify(envelope)).catch((error: Error) => this.logger.warn(`publish on ${channel} failed: ${error.message}`));
      },
      // The connection itself closes with the process; only stop listening here.
      close: () => {
        sub.off('message', onMessage);
        sub.off('close', onLost);
        sub.off('ready', onReady);
      },
    };
  }
}

function decodeEnvelope(raw: string): Envelope | null {
  try {
    const value = JSON.parse(raw) as Partial<Envelope> | null;
    if (!value || typeof value !== 'object' || typeof value.origin !== 'string' || !('message' in value)) return null;
    return { origin: value.origin, message: value.message };
  } catch {
    return null;
  }
}
