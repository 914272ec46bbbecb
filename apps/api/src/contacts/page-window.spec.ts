import { listKeyOf } from './page-window.js';

describe('listKeyOf', () => {
  it('takes a key with a text timestamp and an integer id', () => {
    expect(listKeyOf({ updated_at: '2024-05-01T10:00:00.000Z', id: 12, extra: true })).toEqual({ updated_at: '2024-05-01T10:00:00.000Z', id: 12 });
  });

  it.each([null, 'x', [], { id: 1 }, { updated_at: '2024', id: '1' }, { updated_at: '2024', id: 1.5 }, { updated_at: '2024', id: -1 },
    { updated_at: 'a\u0000b', id: 1 }, { updated_at: 'x'.repeat(65), id: 1 }])('refuses %j', (position) => {
    expect(listKeyOf(position)).toBeNull();
  });
});
