import { DavError } from './dav-error.js';
import { depthOf } from './dav-propfind.js';

describe('the Depth header', () => {
  it('is 0 or 1; none is 1', () => {
    expect(depthOf('0')).toBe(0);
    expect(depthOf('1')).toBe(1);
    expect(depthOf(' 1 ')).toBe(1);
    expect(depthOf(undefined)).toBe(1);
  });

  it('refuses infinity with 403 propfind-finite-depth, and nonsense with 400', () => {
    expect(() => depthOf('Infinity')).toThrow(expect.objectContaining({ status: 403, condition: { ns: 'DAV:', name: 'propfind-finite-depth' } }));
    expect(() => depthOf('2')).toThrow(DavError);
    expect(() => depthOf('2')).toThrow(expect.objectContaining({ status: 400 }));
  });
});
