import { Global, Module } from '@nestjs/common';
import { ShutdownGate } from './shutdown-gate.js';
import { WorkInFlight } from './work-in-flight.js';

@Global()
@Module({ providers: [ShutdownGate, WorkInFlight], exports: [ShutdownGate, WorkInFlight] })
export class LifecycleModule {}
