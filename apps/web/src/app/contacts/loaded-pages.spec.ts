import type { Contact } from '@contacts/wire-types';
import { testContact } from '../testing/contact-fixtures';
import { LIST_PAGE_SIZE, MAX_LOADED_ROWS, normalized, RowsDraft, withFirstPageRefreshed, withPageAfter, withPageBefore, type LoadedPage, type PageWindow } from './loaded-pages';

/** Contacts `from` down to `from - n + 1`, one second apart and newest first, as the list orders them. */
function rows(from: number, n = LIST_PAGE_SIZE): Contact[] {
  return Array.from({ length: n }, (_, i) => ({ ...testContact(from - i), updated_at: new Date(Date.UTC(2026, 10, 1) + (from - i) * 1000).toISOString() }));
}

/** The page of `n` rows from `from`, its links the cursors of its ends. */
function pageOf(from: number, n = LIST_PAGE_SIZE, first = false): LoadedPage {
  return { rows: rows(from, n), previous: first ? null : { cursor: `before-${from}` }, next: { cursor: `after-${from - n + 1}` } };
}

const ids = (pages: readonly LoadedPage[]) => pages.flatMap((p) => p.rows.map((c) => c.id));

describe('loaded pages', () => {
  it('drops the top pages into the spacer once the window passes the limit, and brings them back on the way up', () => {
    let window: PageWindow = { pages: [pageOf(1000, LIST_PAGE_SIZE, true)], dropped: [] };
    for (let k = 1; k < 6; k++) window = withPageAfter(window, pageOf(1000 - k * LIST_PAGE_SIZE));

    expect(ids(window.pages)).toHaveLength(MAX_LOADED_ROWS);
    expect(ids(window.pages)[0]).toBe(1000 - 2 * LIST_PAGE_SIZE);
    expect(window.dropped).toEqual([
      { rows: LIST_PAGE_SIZE, next: { cursor: `after-${1000 - LIST_PAGE_SIZE + 1}` } },
      { rows: LIST_PAGE_SIZE, next: { cursor: `after-${1000 - 2 * LIST_PAGE_SIZE + 1}` } },
    ]);

    const up = withPageBefore(window, pageOf(1000 - LIST_PAGE_SIZE));
    expect(ids(up.pages)[0]).toBe(1000 - LIST_PAGE_SIZE);
    expect(ids(up.pages)).toHaveLength(MAX_LOADED_ROWS);
    expect(up.dropped).toHaveLength(1);
    expect(withPageBefore(up, pageOf(1000, LIST_PAGE_SIZE, true)).dropped).toEqual([]);
  });

  it('leaves out rows of a next page that are already shown higher up', () => {
    const window = withPageAfter({ pages: [pageOf(100, LIST_PAGE_SIZE, true)], dropped: [] }, pageOf(60));
    expect(ids(window.pages)).toEqual(rows(100, 90).map((c) => c.id));
  });

  it('a refreshed first page replaces the loaded rows up to its last one; rows after it stay', () => {
    const loaded = [pageOf(100, LIST_PAGE_SIZE, true), pageOf(50)];
    // Contact 99 was deleted meanwhile: the refreshed page ends one row further down.
    const refreshed: LoadedPage = { rows: rows(100, 51).filter((c) => c.id !== 99), previous: null, next: { cursor: 'after-50' } };

    const pages = withFirstPageRefreshed(loaded, refreshed, refreshed.rows.at(-1));

    expect(ids(pages)).toEqual(rows(100, 100).map((c) => c.id).filter((id) => id !== 99));
    expect(pages.at(-1)!.next).toEqual({ cursor: 'after-1' });
  });

  it('a refreshed first page that is the whole list leaves nothing after it', () => {
    const refreshed: LoadedPage = { rows: rows(100, 3), previous: null, next: null };
    expect(ids(withFirstPageRefreshed([pageOf(100, LIST_PAGE_SIZE, true), pageOf(50)], refreshed, refreshed.rows.at(-1)))).toEqual([100, 99, 98]);
  });

  it('folds a page left short into the one before it, keeping the outer links', () => {
    const short: LoadedPage = { rows: rows(50, 3), previous: { cursor: 'before-50' }, next: { cursor: 'after-48' } };
    const [only, ...rest] = normalized([pageOf(100, LIST_PAGE_SIZE, true), short]);
    expect(rest).toEqual([]);
    expect(only.rows).toHaveLength(LIST_PAGE_SIZE + 3);
    expect(only.previous).toBeNull();
    expect(only.next).toEqual({ cursor: 'after-48' });
  });

  it('a flood of creates at the top keeps the newest rows and marks the page cut', () => {
    const draft = new RowsDraft([pageOf(MAX_LOADED_ROWS, MAX_LOADED_ROWS, true)], 5000);
    expect(draft.prepend(testContact(9001))).toBe(true);

    expect(ids(draft.pages)).toHaveLength(MAX_LOADED_ROWS);
    expect(draft.pages[0].rows[0].id).toBe(9001);
    expect(draft.pages[0]).toMatchObject({ next: null, cut: true });
    expect(draft.count).toBe(5001);
    expect(draft.prepend(testContact(9001))).toBe(true);
    expect(draft.count).toBe(5001);
  });
});
