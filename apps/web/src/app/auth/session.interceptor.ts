import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, take, throwError } from 'rxjs';
import { AUTH_PATHS } from './auth-api.service';
import { SessionStore } from './session.store';

const isAuthCall = (url: string): boolean => AUTH_PATHS.some((p) => url.split('?')[0] === p || url.split('?')[0] === p.slice(0, -1));

/**
 * A 401 on an ordinary API request while signed in means the session ended (signed out in
 * another tab, idle expiry, revoked on the server). The request is not failed: the app shows
 * the sign-in dialog over what is on screen, and the request goes out again once the same
 * account has signed in, so a save or a create the user just made is not lost. Requests of
 * another account are never sent: signing in as someone else starts the app afresh.
 */
export const sessionInterceptor: HttpInterceptorFn = (req, next) => {
  if (!req.url.startsWith('/api/') || isAuthCall(req.url)) return next(req);
  const session = inject(SessionStore);
  const attempt = (): ReturnType<typeof next> =>
    next(req).pipe(
      catchError((err: unknown) => {
        if (!(err instanceof HttpErrorResponse) || err.status !== 401 || !session.holdsRequests()) return throwError(() => err);
        session.sessionEnded();
        return session.resumed$.pipe(
          take(1),
          switchMap(() => attempt()),
        );
      }),
    );
  return attempt();
};
