import type { Contact } from '@contacts/wire-types';
import type { PageLink } from './contacts-api.service';

/** One page as the server answered it, patched since by events; its links are key positions, so they stay valid. */
export interface LoadedPage {
  readonly rows: readonly Contact[];
  readonly previous: PageLink | null;
  readonly next: PageLink | null;
  /**
   * Creates piled up at the top past MAX_LOADED_ROWS and the rows below were let go: `next` no
   * longer says where this page ends, so the list waits for the refresh (which follows every
   * event) before it walks on.
   */
  readonly cut?: boolean;
}

/** A page dropped above the loaded window: how many rows its spacer stands for, and where the window starts after it. */
export interface DroppedPage {
  readonly rows: number;
  readonly next: PageLink;
}

/** The pages in memory, in list order, and those dropped above them on the way down. */
export interface PageWindow {
  readonly pages: readonly LoadedPage[];
  readonly dropped: readonly DroppedPage[];
}

export const LIST_PAGE_SIZE = 50;
/**
 * Rows kept in memory (and in the DOM): scrolling further drops whole pages at the far end, so a
 * walk through a million contacts costs what a few pages do.
 */
export const MAX_LOADED_ROWS = 4 * LIST_PAGE_SIZE;

/**
 * The page after the loaded ones joins the window (rows already shown higher up are left out);
 * far enough down, the top pages go, their height kept as a spacer, their `next` marking where
 * the window starts.
 */
export function withPageAfter({ pages, dropped }: PageWindow, page: LoadedPage): PageWindow {
  const loaded = new Set(pages.flatMap((p) => p.rows.map((c) => c.id)));
  const kept = [...pages, { ...page, rows: page.rows.filter((c) => !loaded.has(c.id)) }];
  const spacer = [...dropped];
  while (rowCount(kept) > MAX_LOADED_ROWS && kept.length > 2 && kept[0].next) {
    const top = kept.shift()!;
    spacer.push({ rows: top.rows.length, next: top.next! });
  }
  return { pages: kept, dropped: spacer };
}

/**
 * The page before the loaded ones joins the window at the top, taking the place of the last
 * dropped page (all of them once it is the list's first); pages at the bottom go past the limit.
 */
export function withPageBefore({ pages, dropped }: PageWindow, page: LoadedPage): PageWindow {
  const loaded = new Set(pages.flatMap((p) => p.rows.map((c) => c.id)));
  const kept = [{ ...page, rows: page.rows.filter((c) => !loaded.has(c.id)) }, ...pages];
  while (rowCount(kept) > MAX_LOADED_ROWS && kept.length > 2) kept.pop();
  return { pages: kept, dropped: page.previous === null ? [] : dropped.slice(0, -1) };
}

/**
 * A refreshed first loaded page replaces every loaded row up to `last` (the answer's last row):
 * such a row that is not in the answer was deleted, edited away from its place (edits go to the
 * top) or no longer matches. Rows after it stay; their links are key positions. Rows below a cut
 * page are not known to follow it, and go.
 */
export function withFirstPageRefreshed(pages: readonly LoadedPage[], page: LoadedPage, last: Contact | undefined): readonly LoadedPage[] {
  const fresh = new Set(page.rows.map((c) => c.id));
  const cut = pages.findIndex((p) => p.cut);
  const known = cut < 0 ? pages : pages.slice(0, cut);
  const rest: LoadedPage[] =
    page.next === null || !last ? [] : known.map((p) => ({ ...p, rows: p.rows.filter((c) => !fresh.has(c.id) && listsAfter(c, last)) }));
  const kept = [...normalized([page, ...rest])];
  while (rowCount(kept) > MAX_LOADED_ROWS && kept.length > 1) kept.pop();
  return kept;
}

/**
 * Folds a page left short (a refresh or deletes took most of its rows) into the one before it:
 * the pair spans the first one's `previous` to the second one's `next`, so the links still hold
 * and a walk never stalls on empty pages.
 */
export function normalized(pages: readonly LoadedPage[]): readonly LoadedPage[] {
  const out: LoadedPage[] = [];
  for (const page of pages) {
    const before = out.at(-1);
    if (before && page.rows.length < LIST_PAGE_SIZE / 2) out[out.length - 1] = { rows: [...before.rows, ...page.rows], previous: before.previous, next: page.next, cut: page.cut };
    else out.push(page);
  }
  return out;
}

/** The loaded pages and total while a change is worked out; `pages` is a new array only when something changed. */
export class RowsDraft {
  constructor(
    public pages: readonly LoadedPage[],
    public count: number,
  ) {}

  /** Adds a new contact at the top; false when it is already shown. A flood of them keeps only the newest rows. */
  prepend(contact: Contact): boolean {
    if (this.find(contact.id) >= 0) return this.replace(contact);
    const [first, ...rest] = this.pages;
    const top: LoadedPage = { ...first, rows: [contact, ...(first?.rows ?? [])], previous: first?.previous ?? null, next: first?.next ?? null };
    this.pages = top.rows.length > MAX_LOADED_ROWS ? [{ ...top, rows: top.rows.slice(0, MAX_LOADED_ROWS), next: null, cut: true }] : [top, ...rest];
    this.count++;
    return true;
  }

  /** Swaps in a newer version of a loaded row; false when the row is not loaded. */
  replace(contact: Contact): boolean {
    const at = this.find(contact.id);
    if (at < 0) return false;
    this.edit(at, (rows) => rows.map((c) => (c.id === contact.id ? contact : c)));
    return true;
  }

  remove(id: number): void {
    const at = this.find(id);
    if (at < 0) return;
    this.edit(at, (rows) => rows.filter((c) => c.id !== id));
    this.count = Math.max(0, this.count - 1);
  }

  private find(id: number): number {
    return this.pages.findIndex((p) => p.rows.some((c) => c.id === id));
  }

  private edit(at: number, change: (rows: readonly Contact[]) => Contact[]): void {
    this.pages = this.pages.map((p, i) => (i === at ? { ...p, rows: change(p.rows) } : p));
  }
}

function rowCount(pages: readonly LoadedPage[]): number {
  return pages.reduce((n, p) => n + p.rows.length, 0);
}

/** Whether `row` comes after `boundary` in list order (`updated_at DESC, id DESC`). */
function listsAfter(row: Contact, boundary: Contact): boolean {
  const [a, b] = [Date.parse(row.updated_at), Date.parse(boundary.updated_at)];
  if (a !== b) return a < b;
  return row.id < boundary.id;
}
