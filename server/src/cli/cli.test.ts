import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "./main.js";

const repoRoot = join(import.meta.dirname, "../../..");
let dir: string;
let out: string;
let err: string;
const io = () => ({ out: (t: string) => void (out += t), err: (t: string) => void (err += t), cwd: dir, isTty: false });
const run = (...argv: string[]): Promise<number> => main(argv, io());

const app = (value: string) => ({
  schemaVersion: 1, id: "demo", name: "Demo",
  queries: [{ id: "accounts", connection: "bank", operation: "getAccounts" }],
  connections: [{ id: "bank", connector: "open-banking-uk", config: { baseUrl: "/sandbox/ob" } }],
  pages: [{ id: "home", path: "/", title: "Home", root: { id: "root", type: "Stack", children: [{ id: "title", type: "Text", props: { value } }] } }],
});
const write = (name: string, content: unknown): void => writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content, null, 2));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "finwright-cli-"));
  out = "";
  err = "";
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("finwright validate", () => {
  it("exits 0 and says so when every file is valid", async () => {
    write("a.json", app("Hello"));
    write("b.json", app("{{ queries.accounts.data.length }} accounts"));
    expect(await run("validate", "a.json", "b.json")).toBe(0);
    expect(out).toBe("2 files valid\n");
  });

  it("prints file:line:column pointer message for each problem and exits 1", async () => {
    write("bad.json", app("{{ queries.acounts.data }}"));
    expect(await run("validate", "bad.json")).toBe(1);
    const [line, summary] = out.trim().split("\n");
    expect(line).toBe("bad.json:34:15 /pages/0/root/children/0/props/value  Page 'Home': component 'title' binds to query 'acounts', which does not exist. Did you mean 'accounts'? [ref.unknown-query]");
    expect(summary).toBe("1 file checked: 1 invalid; 1 error, 0 warnings");
  });

  it("prints JSON with --json", async () => {
    write("bad.json", app("{{ state.nope }}"));
    expect(await run("validate", "--json", "bad.json")).toBe(1);
    expect(JSON.parse(out)).toEqual([{ file: "bad.json", line: 34, column: 15, pointer: "/pages/0/root/children/0/props/value", code: "ref.unknown-state", severity: "error", message: expect.stringContaining("state variable 'nope'") as unknown }]);
  });

  it("expands quoted globs", async () => {
    write("a.app.json", app("x"));
    write("b.app.json", app("y"));
    expect(await run("validate", "*.app.json")).toBe(0);
    expect(out).toBe("2 files valid\n");
  });

  it("exits 2 on a missing file, naming it", async () => {
    write("a.json", app("x"));
    expect(await run("validate", "a.json", "missing.json")).toBe(2);
    expect(err).toBe("finwright validate: cannot read 'missing.json': no such file\n");
  });

  it("exits 2 when a file is not JSON, with the place of the error", async () => {
    write("broken.json", '{\n  "schemaVersion": 1,\n}');
    expect(await run("validate", "broken.json")).toBe(2);
    expect(out).toMatch(/^broken\.json:3:1 \/ {2}This is not valid JSON/);
  });

  it("exits 2 on unknown flags and missing arguments", async () => {
    expect(await run("validate", "--fix", "a.json")).toBe(2);
    expect(err).toMatch(/Unknown option '--fix'/);
    expect(await run("validate")).toBe(2);
  });

  it("has --help", async () => {
    expect(await run("validate", "--help")).toBe(0);
    expect(out).toMatch(/^Usage: finwright validate/);
  });

  it("accepts components of a third-party library with --library", async () => {
    write("lib.mjs", `export default { name: "acme", version: "1.0.0", manifests: [{ type: "acme.RiskGauge", version: 1, label: "Risk gauge", category: "display", icon: "gauge", description: "", props: { type: "object", properties: { score: { type: "number" } }, additionalProperties: false }, defaults: {} }] };`);
    const doc = app("x");
    (doc.pages[0]!.root.children as unknown[]).push({ id: "gauge", type: "acme.RiskGauge", props: { score: 3 } });
    write("a.json", doc);
    expect(await run("validate", "a.json")).toBe(1);
    out = "";
    expect(await run("validate", "--library", "lib.mjs", "a.json")).toBe(0);
    expect(await run("validate", "--library", "nope.mjs", "a.json")).toBe(2);
  });
});

describe("finwright migrate", () => {
  it("prints the current document when nothing needs migrating", async () => {
    write("a.json", app("x"));
    expect(await run("migrate", "a.json")).toBe(0);
    expect(JSON.parse(out)).toEqual(app("x"));
  });

  it("leaves the file alone with --write when it is already current", async () => {
    write("a.json", JSON.stringify(app("x")));
    expect(await run("migrate", "a.json", "--write")).toBe(0);
    expect(err).toBe("a.json: already current, not changed\n");
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe(JSON.stringify(app("x")));
    expect(readdirSync(dir)).toEqual(["a.json"]);
  });

  it("exits 1 for a definition from a newer Finwright, 2 for a missing file or bad JSON", async () => {
    write("future.json", { ...app("x"), schemaVersion: 9 });
    write("broken.json", "{");
    expect(await run("migrate", "future.json")).toBe(1);
    expect(err).toMatch(/newer Finwright/);
    expect(await run("migrate", "missing.json")).toBe(2);
    expect(await run("migrate", "broken.json")).toBe(2);
    expect(await run("migrate", "a.json", "b.json")).toBe(2);
  });
});

describe("finwright", () => {
  it("lists its commands with --help and refuses unknown ones", async () => {
    expect(await run("--help")).toBe(0);
    expect(out).toMatch(/validate .*\n.*migrate/);
    expect(await run("frobnicate")).toBe(2);
    expect(err).toMatch(/unknown command 'frobnicate'/);
  });

  it("runs from the repository root as npx finwright", async () => {
    const exec = promisify(execFile);
    const { stdout } = await exec("npx", ["--no-install", "finwright", "validate", "examples/apps/*.json"], { cwd: repoRoot });
    expect(stdout).toMatch(/files valid/);
    const failure = await exec("npx", ["--no-install", "finwright", "validate", "no-such-file.json"], { cwd: repoRoot }).catch((e: { code: number }) => e);
    expect((failure as { code: number }).code).toBe(2);
  }, 30_000);
});
