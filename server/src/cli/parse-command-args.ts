import { UsageError } from "./cli-io.js";

/**
 * Runs node:util parseArgs (strict) and turns its complaints (unknown flag,
 * missing value) into usage errors, exit 2: flags are never silently ignored.
 */
export function withUsageErrors<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, "");
    throw new UsageError(`finwright ${command}: ${message}`);
  }
}
