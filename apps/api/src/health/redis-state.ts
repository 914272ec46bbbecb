/** How the server's Redis link is doing, for /api/health. The realtime module provides the live one. */
export abstract class RedisState {
  abstract current(): 'up' | 'down' | 'disabled';
}

export class NoRedis extends RedisState {
  current(): 'disabled' {
    return 'disabled';
  }
}
