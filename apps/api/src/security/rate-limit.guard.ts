import { type CanActivate, type ExecutionContext, Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../common/api-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

interface Window {
  count: number;
  resetAt: number;
}

/**
 * THROTTLE_LIMIT requests per THROTTLE_TTL_MS per client IP (behind nginx: X-Forwarded-For,
 * as `trust proxy` allows), counted in this replica's memory; over it → 429 with
 * Retry-After. Our own fixed-window guard rather than @nestjs/throttler: that package is
 * CommonJS requiring the ESM-only @nestjs/common 12, which Jest's ESM runtime on Node 20
 * cannot load (every in-process test would fail to start).
 */
@Injectable()
export class RateLimitGuard implements CanActivate, OnModuleDestroy {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // Forget finished windows so memory follows the number of recent clients only.
    this.sweeper = setInterval(() => this.sweep(Date.now()), config.throttleTtlMs);
    this.sweeper.unref();
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const now = Date.now();
    const key = req.ip ?? 'unknown';
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + this.config.throttleTtlMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= this.config.throttleLimit) return true;
    const seconds = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    http.getResponse<FastifyReply>().header('Retry-After', String(seconds));
    throw new ApiError(429, { detail: `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? '' : 's'}.` });
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
