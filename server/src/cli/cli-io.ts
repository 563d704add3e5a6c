/** Where a command writes; tests pass their own to capture output. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  /** Whether stdout is a terminal (colour and symbols only then). */
  readonly isTty: boolean;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  isTty: Boolean(process.stdout.isTTY),
};

/** Exit codes every command shares. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A mistake in how the command was called: reported with the usage hint, exit 2. */
export class UsageError extends Error {}
