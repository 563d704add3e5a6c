import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * Password hashing with scrypt (memory-hard, in node:crypto). Hashes are
 * stored in the PHC string format with their parameters,
 * `$scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64 without padding), so the cost
 * can be raised later without invalidating existing hashes.
 */
export interface ScryptParameters {
  /** log2 of the CPU/memory cost N. */
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

/**
 * N = 2^15, r = 8, p = 1: 32 MiB and ~90 ms per hash on the 2-core reference
 * machine, the strongest that fits the ~100 ms budget of a login. OWASP's
 * table pairs N = 2^15 with p = 3: raise p or logN where the CPU allows (the
 * hashes carry their parameters, so old ones keep verifying).
 */
export const DEFAULT_SCRYPT: ScryptParameters = { logN: 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Bounds on parameters read back from the database, so a tampered row cannot make one login take minutes or gigabytes. */
const LIMITS = { logN: [10, 20], r: [1, 32], p: [1, 16] } as const;

const PHC = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function derive(password: string, salt: Buffer, parameters: ScryptParameters): Promise<Buffer> {
  const N = 2 ** parameters.logN;
  const options: ScryptOptions = { N, r: parameters.r, p: parameters.p, maxmem: 2 * 128 * N * parameters.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    // NFC: the same password typed on systems that compose accents differently hashes the same.
    scrypt(password.normalize("NFC"), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function withinLimits(parameters: ScryptParameters): boolean {
  return (Object.keys(LIMITS) as (keyof ScryptParameters)[]).every((name) => {
    const [min, max] = LIMITS[name];
    return Number.isInteger(parameters[name]) && parameters[name] >= min && parameters[name] <= max;
  });
}

/** The PHC-encoded scrypt hash of `password` with a fresh 16-byte salt. */
export async function hashPassword(password: string, parameters: ScryptParameters = DEFAULT_SCRYPT): Promise<string> {
  if (!withinLimits(parameters)) throw new RangeError(`Unsupported scrypt parameters ${JSON.stringify(parameters)}.`);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, parameters);
  const b64 = (bytes: Buffer): string => bytes.toString("base64").replace(/=+$/, "");
  return `$scrypt$ln=${parameters.logN},r=${parameters.r},p=${parameters.p}$${b64(salt)}$${b64(key)}`;
}

/** Whether `password` matches the encoded hash; compares in constant time. An unreadable hash never matches. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const match = PHC.exec(encoded);
  if (!match) return false;
  const parameters = { logN: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  if (!withinLimits(parameters)) return false;
  const expected = Buffer.from(match[5]!, "base64");
  if (expected.length !== KEY_BYTES) return false;
  const actual = await derive(password, Buffer.from(match[4]!, "base64"), parameters);
  return timingSafeEqual(actual, expected);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one verification at the default cost and answers false:
 * called for unknown users so that a failed login takes as long whether or
 * not the account exists (no user enumeration by timing).
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  await verifyPassword(password, await dummyHash);
  return false;
}
