import type { IncomingMessage } from 'node:http';

/**
 * Which browser origins may call the API cross-origin (HTTP CORS) and open realtime
 * connections: the CORS_ORIGINS allowlist, plus the server's own origin. Requests without
 * an Origin header (curl, server-to-server, same-origin GETs) are not browsers' business.
 */
export class OriginPolicy {
  private readonly allowed: Set<string>;

  constructor(origins: string[]) {
    this.allowed = new Set(origins.map((origin) => origin.replace(/\/+$/, '').toLowerCase()));
  }

  allows(origin: string | undefined, host?: string): boolean {
    if (!origin) return true;
    const normalised = origin.toLowerCase();
    if (this.allowed.has('*') || this.allowed.has(normalised)) return true;
    return host !== undefined && sameHost(normalised, host);
  }

  /**
   * The contract's rule for unsafe requests on the session cookie: an Origin (or, without
   * one, the Referer's origin) that is the server's own or allowed; neither → refused.
   */
  allowsCookieRequest(req: IncomingMessage): boolean {
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    let origin = header('origin');
    if (!origin || origin === 'null') {
      const referer = header('referer');
      if (!referer) return false;
      try {
        origin = new URL(referer).origin;
      } catch {
        return false;
      }
    }
    return this.allows(origin, req.headers.host);
  }

  /** For WebSocket upgrades and Socket.IO handshakes, where browsers do not enforce CORS. */
  allowsRequest(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    return this.allows(Array.isArray(origin) ? origin[0] : origin, req.headers.host);
  }
}

function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}
