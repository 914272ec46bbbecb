import { HttpClient, HttpHeaders, HttpParams, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { paths } from './openapi-schema';

/*
 * The API's paths, parameters, bodies and answers come from openapi-schema.ts, which
 * `npm run openapi:generate` makes from the served OpenAPI document (and `make test` fails
 * when the two drift apart). The transport stays Angular's HttpClient: interceptors,
 * cancellation on unsubscribe, HttpErrorResponse for the error handling and
 * HttpTestingController in the specs all keep working.
 */

export type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';

/** The documented paths that have `method`. */
export type PathsWith<M extends Method> = { [P in keyof paths]: paths[P] extends Record<M, object> ? P : never }[keyof paths];

export type Operation<P extends keyof paths, M extends Method> = paths[P] extends Record<M, infer O> ? O : never;

type ParametersOf<O> = O extends { parameters: infer P } ? P : never;

/** Path parameters when the path has some, query and header parameters when it takes them, the JSON body when it needs one. */
export type RequestInit<O> = (ParametersOf<O> extends { path: infer P } ? { path: P } : { path?: never }) & {
  query?: ParametersOf<O> extends { query?: infer Q } ? Q : never;
  headers?: ParametersOf<O> extends { header?: infer H } ? H : never;
} & (O extends { requestBody: { content: { 'application/json': infer B } } } ? { body: B } : { body?: never });

/** The body of the operation's success answer (void for 204). */
export type SuccessBody<O> = O extends { responses: infer R }
  ? { [S in keyof R]: S extends 200 | 201 | 202 ? (R[S] extends { content: { 'application/json': infer B } } ? B : never) : S extends 204 ? null : never }[keyof R]
  : never;

/** Path and query parameters of an operation whose body is a file (an import), not JSON. */
export type UploadInit<O> = (ParametersOf<O> extends { path: infer P } ? { path: P } : { path?: never }) & {
  query?: ParametersOf<O> extends { query?: infer Q } ? Q : never;
  /** Sent as it is, with this Content-Type (e.g. `text/vcard`). */
  body: Blob;
  contentType: string;
};

type Scalar = string | number | boolean;

@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  /** One documented operation; the whole response, so callers can read headers such as ETag. */
  request<M extends Method, P extends PathsWith<M>>(method: M, path: P, init: RequestInit<Operation<P, M>>): Observable<HttpResponse<SuccessBody<Operation<P, M>>>> {
    const { path: pathParams, query, headers, body } = init as { path?: Record<string, Scalar>; query?: Record<string, Scalar | undefined>; headers?: Record<string, string | undefined>; body?: unknown };
    const url = expandPath(path, pathParams);
    const params = queryParams(query);
    let httpHeaders = new HttpHeaders();
    for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) httpHeaders = httpHeaders.set(name, value);
    return this.http.request<SuccessBody<Operation<P, M>>>(method.toUpperCase(), url, {
      body: body ?? null,
      params,
      headers: httpHeaders,
      observe: 'response',
      responseType: 'json',
    });
  }

  /** A documented POST whose body is a file sent raw (no JSON, no form encoding); the answer is JSON. */
  upload<P extends PathsWith<'post'>>(path: P, init: UploadInit<Operation<P, 'post'>>): Observable<HttpResponse<SuccessBody<Operation<P, 'post'>>>> {
    const { path: pathParams, query, body, contentType } = init as { path?: Record<string, Scalar>; query?: Record<string, Scalar | undefined>; body: Blob; contentType: string };
    return this.http.request<SuccessBody<Operation<P, 'post'>>>('POST', expandPath(path, pathParams), {
      body,
      params: queryParams(query),
      headers: new HttpHeaders({ 'Content-Type': contentType }),
      observe: 'response',
      responseType: 'json',
    });
  }
}

function expandPath(path: string, params: Record<string, Scalar> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params?.[name])));
}

function queryParams(query: Record<string, Scalar | undefined> | undefined): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) params = params.set(name, value);
  return params;
}
