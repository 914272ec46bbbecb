import { ftsPhrase, pageReadOf, searchTermOf } from './contact-search.repository.js';

describe('searchTermOf: what a search term asks for', () => {
  it.each([
    ['abc', { kind: 'substring', text: 'abc' }],
    ['+1-2', { kind: 'substring', text: '+1-2' }],
    ['%%%', { kind: 'substring', text: '%%%' }],
    ['Zoë', { kind: 'substring', text: 'Zoë' }],
  ])('%s (three characters or more) is a substring', (search, term) => {
    expect(searchTermOf(search)).toEqual(term);
  });

  it.each([
    ['a', 'a'],
    ['Ab', 'Ab'],
    ['55', '55'],
    ['+1', '1'],
    ['a.', 'a'],
    ['@x', 'x'],
    ['Øs', 'Øs'],
    ['王小', '王小'],
  ])('%s (one or two characters) is the start of a word: %s', (search, prefix) => {
    expect(searchTermOf(search)).toEqual({ kind: 'word-start', prefix });
  });

  it('counts characters, not UTF-16 units: two astral letters are a short term', () => {
    expect(searchTermOf('𝒜𝒷')).toEqual({ kind: 'word-start', prefix: '𝒜𝒷' });
  });

  it.each(['%', '_', '+', '@.', '"'])('%s, a short term without a letter or digit, matches nothing', (search) => {
    expect(searchTermOf(search)).toEqual({ kind: 'nothing' });
  });
});

describe('ftsPhrase', () => {
  it('quotes the term as one phrase, doubling its quotes', () => {
    expect(ftsPhrase('"quoted" OR x')).toBe('"""quoted"" OR x"');
    expect(ftsPhrase('ab', true)).toBe('"ab"*');
  });
});

describe('pageReadOf: which way a page of matches is read', () => {
  it('sorts the matches of a rare term', () => {
    expect(pageReadOf(0, 1_000_000, 20)).toBe('matches');
    expect(pageReadOf(50, 1_000_000, 20)).toBe('matches');
    expect(pageReadOf(500, 1_000_000, 20)).toBe('matches');
  });

  it('walks the date order for a broad term', () => {
    expect(pageReadOf(125_000, 1_000_000, 20)).toBe('date-order');
    expect(pageReadOf(20_000, 1_000_000, 20)).toBe('date-order');
    expect(pageReadOf(900_000, 1_000_000, 100)).toBe('date-order');
  });

  it('sorts again when the page is so deep that the walk would cost more', () => {
    expect(pageReadOf(125_000, 1_000_000, 125_000)).toBe('matches');
  });

  it('takes the table to hold at least its matches (its size is only estimated)', () => {
    expect(pageReadOf(10, 1, 5)).toBe('date-order');
    expect(pageReadOf(10, 1, 100)).toBe('matches');
  });
});
