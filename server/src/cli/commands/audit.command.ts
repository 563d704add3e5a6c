import { parseArgs } from "node:util";
import { verifyAuditChain } from "../../features/audit/verify-audit-chain.js";
import { EXIT, UsageError, type CliIo } from "../cli-io.js";
import { withUsageErrors } from "../parse-command-args.js";
import { databaseLocation, withDatabase } from "../with-database.js";

export const auditHelp = `Usage: finwright audit verify [options]

Recomputes the hash chain of the audit log: every entry's hash must cover its
content and the previous entry's hash, so an edited, removed or reordered entry
breaks the chain at that point.

Options:
  --data-dir <dir>   the data folder (default: FINWRIGHT_DATA_DIR or ./.finwright; DATABASE_URL wins)
  --json             print the report as JSON
  -h, --help         show this help

Exit codes: 0 the chain holds, 1 it is broken (the first broken entry is shown),
2 usage error or the database cannot be opened.
`;

export async function auditCommand(args: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = withUsageErrors("audit", () => parseArgs({ args, allowPositionals: true, strict: true, options: {
    "data-dir": { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  } }));
  if (values.help) {
    io.out(auditHelp);
    return EXIT.ok;
  }
  if (positionals[0] !== "verify" || positionals.length !== 1) throw new UsageError("finwright audit: the only subcommand is 'verify', e.g. finwright audit verify");
  let report;
  try {
    report = await withDatabase(databaseLocation(env, values["data-dir"]), (db) => verifyAuditChain(db));
  } catch (error) {
    io.err(`finwright audit verify: ${(error as Error).message}\n`);
    return EXIT.usage;
  }
  if (values.json) io.out(JSON.stringify(report, null, 2) + "\n");
  else if (report.ok) io.out(`The audit chain holds: ${report.entries} entries verified.\n`);
  else {
    const b = report.brokenAt;
    io.out(`The audit chain is BROKEN at entry ${b.id} (${b.at}, ${b.actor}, ${b.action}${b.target ? `, ${b.target}` : ""}): ${report.reason}\n${report.entries} entries before it verified.\n`);
  }
  return report.ok ? EXIT.ok : EXIT.failed;
}
