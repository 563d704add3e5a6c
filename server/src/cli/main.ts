import { EXIT, UsageError, processIo, type CliIo } from "./cli-io.js";
import { migrateCommand } from "./commands/migrate.command.js";
import { auditCommand } from "./commands/audit.command.js";
import { startCommand } from "./commands/start.command.js";
import { userCommand } from "./commands/user.command.js";
import { validateCommand } from "./commands/validate.command.js";

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  start: { run: startCommand, summary: "run the server (embedded database, or PostgreSQL with DATABASE_URL)" },
  validate: { run: validateCommand, summary: "check app definitions and list every problem with its place" },
  migrate: { run: migrateCommand, summary: "bring an app definition to the current schemaVersion" },
  user: { run: userCommand, summary: "create a user with roles in a workspace" },
  audit: { run: auditCommand, summary: "verify the hash chain of the audit log" },
};

export const mainHelp = `Usage: finwright <command> [options]

Finwright: a low-code platform for financial workflows.

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`).join("\n")}

Run 'finwright <command> --help' for a command's options.
Options: -h, --help  show this help;  -v, --version  print the version
`;

export const VERSION = "0.1.0";

/** Runs the CLI and returns the exit code (0 ok, 1 failed, 2 usage or I/O error). */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    io.out(mainHelp);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "-v" || name === "--version") {
    io.out(`finwright ${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`finwright: unknown command '${name}'. Commands: ${Object.keys(COMMANDS).join(", ")}. See 'finwright --help'.\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nSee 'finwright ${name} --help'.\n`);
      return EXIT.usage;
    }
    io.err(`finwright ${name}: ${(error as Error).message}\n`);
    return EXIT.usage;
  }
}
