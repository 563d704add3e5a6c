import { randomInt } from "node:crypto";

/** No 0/o, 1/l/i: the password is read off a terminal and typed in. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const GROUPS = 4;
const GROUP_LENGTH = 5;

/**
 * A random password that is easy to read and type, e.g. `k7mpq-x3rtv-9hwcz-4nfab`:
 * 20 characters from 31 (≈ 99 bits) from the CSPRNG, in groups of five.
 */
export function readablePassword(): string {
  const groups = Array.from({ length: GROUPS }, () => Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""));
  return groups.join("-");
}
