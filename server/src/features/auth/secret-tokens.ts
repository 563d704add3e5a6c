import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 32 random bytes (256 bits) from the CSPRNG, base64url: session tokens, CSRF tokens, API token secrets. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The shape of randomToken()'s output, checked before any lookup. */
export const RANDOM_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** What is stored instead of a token: a leaked table yields no usable credential. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Whether sha256(`token`) equals `expectedHash`, compared in constant time. */
export function tokenMatchesHash(token: string, expectedHash: string): boolean {
  const actual = Buffer.from(sha256Hex(token), "hex");
  const expected = Buffer.from(expectedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
