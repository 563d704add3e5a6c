import type { ScryptParameters } from "../auth/password-hash.js";

export interface Workspace {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}

export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
}

/** Who makes a change, for the audit log: the CLI and startup act as `system`. */
export interface ChangeContext {
  /** `user:<id>`, `token:<id>` or `system` (the default). */
  readonly actor?: string | undefined;
  readonly requestId?: string | null | undefined;
  readonly at?: Date | undefined;
}

export interface CreateUserOptions extends ChangeContext {
  /** scrypt cost; the default suits production (tests lower it to stay fast). */
  readonly passwordHashing?: ScryptParameters | undefined;
}
