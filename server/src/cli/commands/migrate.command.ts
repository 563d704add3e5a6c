import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { migrate, parseDefinitionText } from "@finwright/schemas";
import { EXIT, UsageError, type CliIo } from "../cli-io.js";
import { loadManifests } from "../load-manifests.js";
import { withUsageErrors } from "../parse-command-args.js";
import { readInputFile } from "../read-input-file.js";
import { writeFileAtomically } from "../write-file-atomically.js";

export const migrateHelp = `Usage: finwright migrate <file> [options]

Brings an app definition written for an older Finwright to the current
schemaVersion, and upgrades component props written for older component
versions. Prints the result; the file is left alone unless --write is given.

Options:
  --write            replace the file in place (atomically) when it changed
  --json             print { file, changed, applied, document } instead of the document
  --library <file>   also migrate the components of this library module (repeatable)
  -h, --help         show this help

Exit codes: 0 migrated (or already current), 1 cannot be migrated (e.g. written
by a newer Finwright), 2 usage or I/O error (missing file, not JSON).
`;

export async function migrateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = withUsageErrors("migrate", () => parseArgs({ args, allowPositionals: true, strict: true, options: {
    write: { type: "boolean" },
    json: { type: "boolean" },
    library: { type: "string", multiple: true },
    help: { type: "boolean", short: "h" },
  } }));
  if (values.help) {
    io.out(migrateHelp);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError("finwright migrate: name exactly one file, e.g. finwright migrate app.json --write");
  const file = positionals[0]!;
  const read = readInputFile(file, io.cwd);
  if (!read.ok) {
    io.err(`finwright migrate: cannot read '${file}': ${read.reason}\n`);
    return EXIT.usage;
  }
  // The validator's JSON reading: size and depth limits, and a syntax error with line and column.
  const parsed = parseDefinitionText(read.text);
  if (!parsed.ok) {
    const p = parsed.problem;
    io.err(`${file}${p.line ? `:${p.line}:${p.column ?? 1}` : ""} ${p.message}\n`);
    return EXIT.usage;
  }
  const manifests = await loadManifests(values.library ?? [], io.cwd);
  const result = migrate(parsed.doc, { manifests });
  if (!result.ok) {
    io.err(`finwright migrate: ${file}: ${result.error}\n`);
    return EXIT.failed;
  }
  const text = JSON.stringify(result.doc, null, 2) + "\n";
  if (values.write && result.changed) writeFileAtomically(resolve(io.cwd, file), text);
  if (values.json) io.out(JSON.stringify({ file, changed: result.changed, applied: result.applied, document: result.doc }, null, 2) + "\n");
  else if (values.write) io.err(result.changed ? `${file}: migrated (${result.applied.join("; ")})\n` : `${file}: already current, not changed\n`);
  else io.out(text);
  return EXIT.ok;
}
