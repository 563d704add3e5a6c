import { parseArgs } from "node:util";
import { validateText, type Problem } from "@finwright/schemas";
import { EXIT, UsageError, type CliIo } from "../cli-io.js";
import { expandFileArgs } from "../expand-file-args.js";
import { loadManifests } from "../load-manifests.js";
import { withUsageErrors } from "../parse-command-args.js";
import { readInputFile } from "../read-input-file.js";

export const validateHelp = `Usage: finwright validate <file|glob>... [options]

Checks app definitions: JSON Schema, component props, bindings, actions,
workflows, money and secrets. Every problem is listed with its place.

Options:
  --json             print a JSON array of { file, line, column, pointer, code, severity, message }
  --library <file>   also accept the components of this library module (repeatable)
  -h, --help         show this help

Exit codes: 0 all valid, 1 a definition is invalid, 2 usage or I/O error
(missing or unreadable file, not JSON).

Example:
  finwright validate examples/apps/*.json
`;

interface JsonProblem {
  file: string;
  line: number | null;
  column: number | null;
  pointer: string;
  code: string;
  severity: string;
  message: string;
}

export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = withUsageErrors("validate", () => parseArgs({ args, allowPositionals: true, strict: true, options: {
    json: { type: "boolean" },
    library: { type: "string", multiple: true },
    help: { type: "boolean", short: "h" },
  } }));
  if (values.help) {
    io.out(validateHelp);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError("finwright validate: name at least one file, e.g. finwright validate app.json");
  const manifests = await loadManifests(values.library ?? [], io.cwd);
  const files = expandFileArgs(positionals, io.cwd);
  const results: JsonProblem[] = [];
  let exit: number = EXIT.ok;
  let invalid = 0;
  let ioErrors = 0;
  for (const file of files) {
    const read = readInputFile(file, io.cwd);
    if (!read.ok) {
      ioErrors++;
      exit = EXIT.usage;
      results.push({ file, line: null, column: null, pointer: "", code: "io.unreadable", severity: "error", message: `cannot read '${file}': ${read.reason}` });
      continue;
    }
    const result = validateText(read.text, { manifests });
    const notJson = result.problems.some((p) => p.code === "json.syntax");
    if (notJson) exit = EXIT.usage;
    else if (!result.valid && exit === EXIT.ok) exit = EXIT.failed;
    if (!result.valid) invalid++;
    results.push(...result.problems.map((p) => toJson(file, p)));
  }
  if (values.json) io.out(JSON.stringify(results, null, 2) + "\n");
  else printHuman(io, results, files.length, invalid, ioErrors);
  return exit;
}

function toJson(file: string, p: Problem): JsonProblem {
  return { file, line: p.line ?? null, column: p.column ?? null, pointer: p.pointer, code: p.code, severity: p.severity, message: p.message };
}

function printHuman(io: CliIo, problems: JsonProblem[], fileCount: number, invalid: number, ioErrors: number): void {
  for (const p of problems) {
    if (p.code === "io.unreadable") {
      io.err(`finwright validate: ${p.message}\n`);
      continue;
    }
    const place = p.line === null ? p.file : `${p.file}:${p.line}:${p.column ?? 1}`;
    const tag = p.severity === "warning" ? "warning " : "";
    io.out(`${place} ${p.pointer || "/"}  ${tag}${p.message} [${p.code}]\n`);
  }
  const errors = problems.filter((p) => p.severity === "error" && p.code !== "io.unreadable").length;
  const warnings = problems.filter((p) => p.severity === "warning").length;
  const files = `${fileCount} file${fileCount === 1 ? "" : "s"}`;
  const counts = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  if (invalid === 0 && ioErrors === 0) io.out(`${io.isTty ? "✓ " : ""}${files} valid${warnings > 0 ? ` (${counts})` : ""}\n`);
  else {
    const unreadable = ioErrors > 0 ? `, ${ioErrors} unreadable` : "";
    io.out(`${io.isTty ? "✗ " : ""}${files} checked: ${invalid} invalid${unreadable}; ${counts}\n`);
  }
}
