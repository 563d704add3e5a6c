import { parseArgs } from "node:util";
import { IdentityError, requireRoles } from "../../features/workspaces/identity-error.js";
import { addMembership, createUser, createWorkspace, findWorkspaceBySlug } from "../../features/workspaces/workspace-service.js";
import { EXIT, UsageError, type CliIo } from "../cli-io.js";
import { withUsageErrors } from "../parse-command-args.js";
import { databaseLocation, withDatabase } from "../with-database.js";

export const userHelp = `Usage: finwright user create <username> --workspace <slug> --roles <role,...> [options]

Creates a user and gives them roles in a workspace (created if it does not
exist). The password is read from FINWRIGHT_USER_PASSWORD or, when unset, from
the first line of standard input; never from a flag, which would leak into
shell history and process lists. At least 12 characters, not a common one.

Options:
  --workspace <slug>        the workspace (lower-case letters, digits, '-')
  --workspace-name <name>   its display name, when it is created (default: the slug)
  --roles <list>            comma-separated: admin, builder, developer, approver, viewer, or business roles such as maker
  --display-name <name>     the user's name as shown (default: the username)
  --data-dir <dir>          the data folder (default: FINWRIGHT_DATA_DIR or ./.finwright; DATABASE_URL wins)
  --json                    print { user, workspace, roles } as JSON
  -h, --help                show this help

Run it while no server uses the data folder (PGlite allows one process).
Exit codes: 0 created, 1 refused (weak password, user exists, bad name), 2 usage error.
`;

export interface UserCommandHooks {
  readonly env?: NodeJS.ProcessEnv;
  readonly readStdin?: () => Promise<string>;
}

export async function userCommand(args: string[], io: CliIo, hooks: UserCommandHooks = {}): Promise<number> {
  const env = hooks.env ?? process.env;
  const { values, positionals } = withUsageErrors("user", () => parseArgs({ args, allowPositionals: true, strict: true, options: {
    workspace: { type: "string" },
    "workspace-name": { type: "string" },
    roles: { type: "string" },
    "display-name": { type: "string" },
    "data-dir": { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  } }));
  if (values.help) {
    io.out(userHelp);
    return EXIT.ok;
  }
  const [sub, username, ...extra] = positionals;
  if (sub !== "create" || username === undefined || extra.length > 0) throw new UsageError("finwright user: use 'finwright user create <username> --workspace <slug> --roles <role,...>'");
  if (!values.workspace) throw new UsageError("finwright user create: --workspace is required");
  if (!values.roles) throw new UsageError("finwright user create: --roles is required, e.g. --roles builder");
  const roles = values.roles.split(",").map((r) => r.trim()).filter((r) => r !== "");
  const password = env["FINWRIGHT_USER_PASSWORD"] ?? firstLine(await (hooks.readStdin ?? readAllStdin)());
  if (!password) throw new UsageError("finwright user create: give the password in FINWRIGHT_USER_PASSWORD or on standard input");
  const slug = values.workspace;
  try {
    // Roles are checked before anything is written: a bad role must not leave a user without membership.
    requireRoles(roles);
    const result = await withDatabase(databaseLocation(env, values["data-dir"]), async (db) => {
      const workspace = (await findWorkspaceBySlug(db, slug)) ?? (await createWorkspace(db, { slug, name: values["workspace-name"] ?? slug }));
      const user = await createUser(db, { username, displayName: values["display-name"] ?? username, password });
      await addMembership(db, workspace.id, user.id, roles);
      return { user, workspace, roles };
    });
    if (values.json) io.out(JSON.stringify(result, null, 2) + "\n");
    else io.out(`Created user '${result.user.username}' in workspace '${result.workspace.slug}' with roles ${roles.join(", ")}.\n`);
    return EXIT.ok;
  } catch (error) {
    io.err(`finwright user create: ${(error as Error).message}\n`);
    return error instanceof IdentityError ? EXIT.failed : EXIT.usage;
  }
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? "";
}

async function readAllStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  let text = "";
  for await (const chunk of process.stdin) text += (chunk as Buffer).toString("utf8");
  return text;
}
