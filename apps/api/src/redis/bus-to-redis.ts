import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { ContactEventBus } from '../events/contact-event-bus.js';
import { RedisEventPublisher } from './redis-event-publisher.js';

/**
 * A process without clients of its own (the queue worker) announces its writes through
 * Redis as they commit. (An API replica's EventRelay publishes its own, just before it
 * delivers them to its clients.)
 */
@Injectable()
export class BusToRedis implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription?: Subscription;

  constructor(
    private readonly bus: ContactEventBus,
    private readonly publisher: RedisEventPublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.bus.events$.subscribe((event) => this.publisher.publish(event));
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }
}
