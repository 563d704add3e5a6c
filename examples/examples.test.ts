// The example apps must validate cleanly, and each invalid fixture must produce
// exactly the problems its `.expected.json` lists (pointer and code), placed in
// the source text. Fixtures are derived from invalid/_base.json, one defect each.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validate, validateText } from "@finwright/schemas";
import { builtinManifests } from "@finwright/components/manifests";

interface ExpectedProblem {
  readonly pointer: string;
  readonly code: string;
}

interface Expectation {
  readonly description: string;
  readonly problems: readonly ExpectedProblem[];
}

const APPS_DIR = join(import.meta.dirname, "apps");
const INVALID_DIR = join(import.meta.dirname, "invalid");
const BASE_FILE = "_base.json";
const EXPECTED_SUFFIX = ".expected.json";

const options = { manifests: builtinManifests };

function read(dir: string, file: string): string {
  return readFileSync(join(dir, file), "utf8");
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort();
}

/** Sorted `pointer code` lines: order-independent, but duplicates still count. */
function summarise(problems: readonly ExpectedProblem[]): string[] {
  return problems.map((p) => `${p.pointer} ${p.code}`).sort();
}

const appFiles = jsonFiles(APPS_DIR);
const fixtureFiles = jsonFiles(INVALID_DIR).filter((file) => file !== BASE_FILE && !file.endsWith(EXPECTED_SUFFIX));

describe("example apps", () => {
  it("has the three example apps", () => {
    expect(appFiles).toEqual(["account-dashboard.json", "loan-intake.json", "payment-approvals.json"]);
  });

  it.each(appFiles)("%s validates with no problems at all", (file) => {
    const text = read(APPS_DIR, file);
    const result = validateText(text, options);
    expect(result.problems).toEqual([]);
    expect(result.valid).toBe(true);
    // The parsed document is just as clean without its source text.
    expect(validate(JSON.parse(text), options)).toEqual({ valid: true, problems: [] });
  });

  it.each(appFiles)("%s is pretty-printed with two spaces", (file) => {
    const text = read(APPS_DIR, file);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });
});

describe("invalid fixtures", () => {
  it("the base they derive from is valid", () => {
    const result = validateText(read(INVALID_DIR, BASE_FILE), options);
    expect(result.problems).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("there are at least 36 fixtures, each with its expectation", () => {
    expect(fixtureFiles.length).toBeGreaterThanOrEqual(36);
    const expectations = jsonFiles(INVALID_DIR).filter((file) => file.endsWith(EXPECTED_SUFFIX));
    expect(expectations.sort()).toEqual(fixtureFiles.map((file) => file.replace(/\.json$/, EXPECTED_SUFFIX)).sort());
  });

  it.each(fixtureFiles)("%s reports exactly the expected problems", (file) => {
    const expected = JSON.parse(read(INVALID_DIR, file.replace(/\.json$/, EXPECTED_SUFFIX))) as Expectation;
    expect(expected.description.length).toBeGreaterThan(0);
    expect(expected.problems.length).toBeGreaterThan(0);

    const result = validateText(read(INVALID_DIR, file), options);
    expect(summarise(result.problems), expected.description).toEqual(summarise(expected.problems));
    expect(result.valid).toBe(false);
    for (const problem of result.problems) {
      expect(problem.message.trim(), `${problem.pointer} ${problem.code}`).not.toBe("");
      expect(problem.line, `${problem.pointer} ${problem.code}: line`).toBeGreaterThanOrEqual(1);
      expect(problem.column, `${problem.pointer} ${problem.code}: column`).toBeGreaterThanOrEqual(1);
    }
  });
});
