import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from '@contacts/wire-types';
import { notFound } from './api-errors.js';

export interface PageRequest {
  page: number;
  pageSize: number;
  offset: number;
}

/** Where the page links point: the request's own absolute URL. */
export interface PageLinkBase {
  origin: string;
  path: string;
  query: Record<string, unknown>;
  /** The query string as sent (no `?`): with origin and path it names the whole answer. */
  rawQuery: string;
}

function positiveInt(raw: unknown): number | null {
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) return null;
  const value = Number(raw);
  return value > 0 && Number.isSafeInteger(value) ? value : null;
}

/** DRF PageNumberPagination: a bad page is a 404, a bad page_size falls back to the default. */
export function parsePageRequest(query: Record<string, unknown>): PageRequest {
  const page = query.page === undefined || query.page === '' ? 1 : positiveInt(query.page);
  if (page === null) throw notFound('Invalid page.');
  const pageSize = pageSizeOf(query);
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** `page_size`, as DRF reads it: the default when absent or bad, capped at the maximum. */
export function pageSizeOf(query: Record<string, unknown>): number {
  return Math.min(positiveInt(query.page_size) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
}

export function buildPage<T>(request: PageRequest, count: number, results: T[], links: PageLinkBase): Page<T> {
  const pages = Math.max(1, Math.ceil(count / request.pageSize));
  if (request.page > pages) throw notFound('Invalid page.');
  const linkTo = (page: number): string => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(links.query)) {
      if (key !== 'page' && typeof value === 'string') params.set(key, value);
    }
    if (page > 1) params.set('page', String(page));
    const search = params.toString();
    return `${links.origin}${links.path}${search ? `?${search}` : ''}`;
  };
  return {
    count,
    next: request.page < pages ? linkTo(request.page + 1) : null,
    previous: request.page > 1 ? linkTo(request.page - 1) : null,
    results,
  };
}
