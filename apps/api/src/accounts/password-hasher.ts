import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

/** scrypt's cost: 2^15 × 8 × 128 bytes = 32 MiB and tens of milliseconds per hash, on the libuv threadpool. */
export interface ScryptParameters {
  /** log2 of N, the CPU/memory cost. */
  ln: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: ScryptParameters = { ln: 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/**
 * Stored hashes are ours, but a row edited by hand must not make one verify allocate without
 * bound: parameters above these are refused (the password then simply does not match).
 */
const MAX_LN = 20;
const MAX_R = 32;
const MAX_P = 16;

/**
 * `$scrypt$ln=15,r=8,p=1$<salt>$<key>` (PHC string format, base64 without padding): the
 * parameters and salt travel with the hash, so a later change of cost leaves old hashes
 * verifiable.
 */
const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]{16,})\$([A-Za-z0-9+/]{16,})$/;

function derive(password: string, salt: Buffer, keyLength: number, { ln, r, p }: ScryptParameters): Promise<Buffer> {
  const N = 2 ** ln;
  // Node refuses more than maxmem (32 MiB by default) and scrypt needs 128·N·r plus some.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

/**
 * Passwords are stored as scrypt hashes (memory-hard: a GPU farm gains little over one
 * server) with a random salt each. Hashing runs on libuv's threadpool, never on the event
 * loop. Comparison is constant-time. `verifyNothing` spends the same work on an unknown
 * email, so a sign-in answers alike — in body and in time — whether the account exists.
 */
export class PasswordHasher {
  /** Made once, up front, so the first unknown email costs no more than later ones. */
  private readonly dummy: Promise<string>;

  constructor(private readonly parameters: ScryptParameters = DEFAULT_SCRYPT) {
    this.dummy = this.hash(randomBytes(16).toString('hex'));
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, KEY_BYTES, this.parameters);
    const { ln, r, p } = this.parameters;
    return `$scrypt$ln=${ln},r=${r},p=${p}$${b64(salt)}$${b64(key)}`;
  }

  /** True when `password` is the one `stored` was made from. A malformed `stored` never matches. */
  async verify(password: string, stored: string): Promise<boolean> {
    const match = FORMAT.exec(stored);
    if (!match) return false;
    const [ln, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (ln < 1 || ln > MAX_LN || r < 1 || r > MAX_R || p < 1 || p > MAX_P) return false;
    const salt = Buffer.from(match[4], 'base64');
    const expected = Buffer.from(match[5], 'base64');
    const actual = await derive(password, salt, expected.length, { ln, r, p });
    return timingSafeEqual(actual, expected);
  }

  /** As long as a `verify` with this hasher's parameters, and always false: for an email with no account. */
  async verifyNothing(password: string): Promise<false> {
    await this.verify(password, await this.dummy);
    return false;
  }
}
