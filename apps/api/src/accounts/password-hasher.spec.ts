import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SCRYPT, PasswordHasher } from './password-hasher.js';

/** Cheap parameters keep the suite fast; one test runs the real ones. */
const hasher = new PasswordHasher({ ln: 10, r: 8, p: 1 });

describe('PasswordHasher', () => {
  it('verifies the password a hash was made from, and no other', async () => {
    const stored = await hasher.hash('correct horse battery');
    await expect(hasher.verify('correct horse battery', stored)).resolves.toBe(true);
    await expect(hasher.verify('correct horse batterY', stored)).resolves.toBe(false);
    await expect(hasher.verify('', stored)).resolves.toBe(false);
  });

  it('stores a self-describing PHC string: algorithm, parameters, salt, key', async () => {
    const stored = await new PasswordHasher().hash('correct horse battery');
    expect(stored).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(DEFAULT_SCRYPT).toEqual({ ln: 15, r: 8, p: 1 });
    expect(stored.length).toBeLessThanOrEqual(300); // the column
  });

  it('verifies with the parameters written in the hash, not the current ones', async () => {
    const old = await new PasswordHasher({ ln: 11, r: 4, p: 2 }).hash('s3cret password');
    await expect(hasher.verify('s3cret password', old)).resolves.toBe(true);
  });

  it('salts every hash: one password, two different hashes, both verify', async () => {
    const [a, b] = await Promise.all([hasher.hash('same password'), hasher.hash('same password')]);
    expect(a).not.toBe(b);
    expect(a.split('$')[3]).not.toBe(b.split('$')[3]);
    await expect(hasher.verify('same password', a)).resolves.toBe(true);
    await expect(hasher.verify('same password', b)).resolves.toBe(true);
  });

  it('a composed and a decomposed accent are one password (NFC)', async () => {
    const stored = await hasher.hash('caf\u00e9 au lait');
    await expect(hasher.verify('cafe\u0301 au lait', stored)).resolves.toBe(true);
  });

  it('never matches a malformed or outrageous stored value', async () => {
    const stored = await hasher.hash('correct horse battery');
    const [, , , salt, key] = stored.split('$');
    for (const bad of [
      '',
      'plain',
      `$scrypt$ln=10,r=8,p=1$${salt}`,
      `$bcrypt$ln=10,r=8,p=1$${salt}$${key}`,
      `$scrypt$ln=31,r=8,p=1$${salt}$${key}`,
    ]) {
      await expect(hasher.verify('correct horse battery', bad)).resolves.toBe(false);
    }
    // a flipped key byte
    const flipped = `$scrypt$ln=10,r=8,p=1$${salt}$${key[0] === 'A' ? 'B' : 'A'}${key.slice(1)}`;
    await expect(hasher.verify('correct horse battery', flipped)).resolves.toBe(false);
  });

  it('runs off the event loop: timers keep firing while hashes are computed', async () => {
    const real = new PasswordHasher();
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    const started = performance.now();
    await Promise.all([real.hash('one password'), real.hash('another one')]);
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(elapsed).toBeGreaterThan(20); // memory-hard work, not a fast hash
    expect(ticks).toBeGreaterThan(elapsed / 10);
  });

  it('an unknown email costs about as much as a wrong password, and never matches', async () => {
    const real = new PasswordHasher();
    const stored = await real.hash('correct horse battery');
    await real.verifyNothing('warm-up'); // the dummy hash is made at construction; wait for it
    const time = async (work: () => Promise<boolean>) => {
      const started = performance.now();
      expect(await work()).toBe(false);
      return performance.now() - started;
    };
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      wrong.push(await time(() => real.verify('wrong password', stored)));
      unknown.push(await time(() => real.verifyNothing('wrong password')));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[2];
    // Generous bounds (a shared, busy machine); without the dummy hash the ratio is about 0.
    expect(median(unknown)).toBeGreaterThan(median(wrong) / 3);
    expect(median(unknown)).toBeLessThan(median(wrong) * 3);
  });
});
