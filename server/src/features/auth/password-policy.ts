import { COMMON_PASSWORDS } from "./common-passwords.js";

/** ASVS 6.2: at least 12 characters (15 advised), long passphrases accepted, any characters allowed. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Why `password` may not be used by `username`, one sentence per problem;
 * empty when it may. Length counts characters (code points), not bytes.
 * No composition rules (ASVS 6.2.5): length and the common list do the work.
 */
export function checkPasswordPolicy(password: string, username: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`The password must have at least ${PASSWORD_MIN_LENGTH} characters (it has ${length}); a few unrelated words make a good one.`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`The password must have at most ${PASSWORD_MAX_LENGTH} characters (it has ${length}).`);
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) problems.push("This password is among the most common ones and is guessed first: choose another.");
  if (username !== "" && lower === username.toLowerCase()) problems.push("The password must not be the username.");
  if (length > 0 && new Set(password).size === 1) problems.push("The password must not be one character repeated.");
  return problems;
}
