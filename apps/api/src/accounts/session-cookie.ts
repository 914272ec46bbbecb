import { Inject, Injectable } from '@nestjs/common';
import { serialize } from 'cookie';
import { SESSION_COOKIE } from '@contacts/wire-types';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AuthClient } from './auth-client.js';

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on a foreign
 * site's POST), for the whole site, `Secure` over https. It lives as long as an unused
 * session does; the server ends the session itself after that too.
 */
@Injectable()
export class SessionCookie {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  open(client: AuthClient, secret: string): void {
    client.header('Set-Cookie', this.serialize(client, secret, Math.floor(this.config.sessionIdleMs / 1000)));
  }

  clear(client: AuthClient): void {
    client.header('Set-Cookie', this.serialize(client, '', 0));
  }

  private serialize(client: AuthClient, value: string, maxAge: number): string {
    return serialize(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'lax', path: '/', maxAge, secure: client.secure });
  }
}
