// Proves the lint rules in eslint.config.js: plants probe files with forbidden
// and allowed imports inside the packages, lints them with the repo's real
// config, and checks exactly which lines no-restricted-imports reports.
//
// Probes are named *.test.ts so that `tsc -b` (which excludes tests) never
// builds them, and they are deleted in afterAll whatever happens.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const TAG = `__boundary_probe_${process.pid}__`;

interface Probe {
  /** Path of the probe, relative to the repo root; `${TAG}` marks the planted part. */
  readonly file: string;
  /** One import per line. */
  readonly allowed?: readonly string[];
  readonly forbidden?: readonly string[];
}

const PROBES: readonly Probe[] = [
  {
    file: `schemas/src/${TAG}.test.ts`,
    allowed: ['import "../json/app-1.json" with { type: "json" };', 'import "./index.js";'],
    forbidden: [
      'import "@finwright/runtime";',
      'import "@finwright/runtime/engine";',
      'import "@finwright/schemas";',
      'import "@finwright/editor";',
    ],
  },
  {
    file: `runtime/src/${TAG}.test.ts`,
    allowed: ['import "@finwright/schemas";', 'import "./engine/index.js";'],
    forbidden: [
      'import "@finwright/server";',
      'import "@finwright/components";',
      'import "@finwright/runtime";',
      'import "../../server/src/index.js";',
      'import "../../schemas/src/index.js";',
      'import "@finwright/schemas/src/x.js";',
      'import "@finwright/schemas/dist/src/index.js";',
    ],
  },
  {
    // The engine block must keep every runtime restriction and add its own.
    file: `runtime/src/engine/${TAG}.test.ts`,
    allowed: ['import "@finwright/schemas";', 'import "./index.js";'],
    forbidden: [
      'import React from "react";',
      'import "react-dom/client";',
      'import "../index.js";',
      'import "@finwright/server";',
      'import "@finwright/editor";',
      'import "@finwright/components/manifests";',
      'import "@finwright/runtime/engine";',
      'import "../../../server/src/index.js";',
    ],
  },
  {
    file: `runtime/src/engine/${TAG}/nested.test.ts`,
    allowed: ['import "../index.js";', 'import "../components/define-manifest.js";'],
    forbidden: ['import "../../index.js";', 'import "../../react/renderer.js";', 'import "react";'],
  },
  {
    file: `components/src/${TAG}.test.ts`,
    allowed: ['import "@finwright/runtime";', 'import "@finwright/runtime/engine";', 'import "./manifests/index.js";'],
    forbidden: [
      'import "@finwright/schemas";',
      'import type { JsonSchema } from "@finwright/schemas";',
      'export * from "@finwright/schemas";',
      'import "@finwright/components";',
      'import "@finwright/runtime/src/index.js";',
    ],
  },
  {
    file: `components/src/manifests/${TAG}.test.ts`,
    allowed: ['import "@finwright/runtime/engine";', 'import "./index.js";'],
    forbidden: [
      'import "@finwright/runtime";',
      'import "@finwright/schemas";',
      'import "react";',
      'import "../index.js";',
      'import "@finwright/server";',
    ],
  },
  {
    file: `editor/src/${TAG}.test.ts`,
    allowed: [
      'import "@finwright/schemas";',
      'import "@finwright/runtime";',
      'import "@finwright/components";',
      'import "@finwright/components/manifests";',
    ],
    forbidden: ['import "@finwright/server";', 'import "@finwright/editor";', 'import "@finwright/components/dist/index.js";'],
  },
  {
    file: `server/src/${TAG}.test.ts`,
    allowed: [
      'import "@finwright/schemas";',
      'import "@finwright/runtime/engine";',
      'import "@finwright/components/manifests";',
      'import "./index.js";',
    ],
    forbidden: [
      'import "@finwright/runtime";',
      'import "@finwright/components";',
      'import "@finwright/editor";',
      'import "@finwright/server";',
      'import "../../runtime/src/engine/index.js";',
    ],
  },
  {
    file: `.ci/${TAG}.test.ts`,
    allowed: ['import "@finwright/server";', 'import "@finwright/components";'],
    forbidden: ['import "../schemas/src/index.js";', 'import "@finwright/schemas/src/index.js";'],
  },
];

const CODE_PROBES = {
  ts: {
    file: `schemas/src/${TAG}-eval.test.ts`,
    code: 'eval("1");\nexport const f = new Function("a");\n',
  },
  js: {
    file: `.ci/${TAG}-eval.mjs`,
    code: 'eval("1");\nexport const f = new Function("a");\nsetTimeout("f()", 1);\n',
  },
};

function probeSource(probe: Probe): { code: string; forbiddenLines: number[] } {
  const lines = [...(probe.allowed ?? []), ...(probe.forbidden ?? [])];
  const firstForbidden = (probe.allowed ?? []).length + 1;
  const forbiddenLines = (probe.forbidden ?? []).map((_, i) => firstForbidden + i);
  return { code: `${lines.join("\n")}\n`, forbiddenLines };
}

const planted: string[] = [];

function plant(file: string, code: string): void {
  // The first path segment carrying the tag: a file, or a folder made for nesting.
  const segments = file.split("/");
  const root = join(repoRoot, ...segments.slice(0, segments.findIndex((s) => s.includes(TAG)) + 1));
  const absolute = join(repoRoot, file);
  if (!planted.includes(root)) planted.push(root);
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileSync(absolute, code);
}

let results: Map<string, ESLint.LintResult>;

beforeAll(async () => {
  try {
    for (const probe of PROBES) plant(probe.file, probeSource(probe).code);
    for (const { file, code } of Object.values(CODE_PROBES)) plant(file, code);
    const eslint = new ESLint({ cwd: repoRoot });
    const files = [...PROBES, ...Object.values(CODE_PROBES)].map((p) => join(repoRoot, p.file));
    const lintResults = await eslint.lintFiles(files);
    results = new Map(lintResults.map((r) => [relative(repoRoot, r.filePath), r]));
  } finally {
    removePlanted();
  }
}, 120_000);

afterAll(removePlanted);

function removePlanted(): void {
  for (const path of planted.splice(0)) rmSync(path, { recursive: true, force: true });
}

function lintResult(file: string): ESLint.LintResult {
  const result = results.get(file);
  expect(result, `no lint result for ${file}`).toBeDefined();
  // A parse failure reports no rule at all, which would make "allowed" vacuous.
  expect(result?.messages.filter((m) => m.fatal === true || m.ruleId === null) ?? []).toEqual([]);
  return result as ESLint.LintResult;
}

function errorLines(result: ESLint.LintResult, ruleId: string): number[] {
  return result.messages.filter((m) => m.ruleId === ruleId && m.severity === 2).map((m) => m.line);
}

describe("import boundaries (DESIGN.md, Packages and the direction of imports)", () => {
  it.each(PROBES.map((probe) => [probe.file, probe] as const))("%s", (file, probe) => {
    const result = lintResult(file);
    const flagged = errorLines(result, "no-restricted-imports");
    expect(flagged).toEqual(probeSource(probe).forbiddenLines);
  });

  it("explains each violation and cites DESIGN.md", () => {
    for (const probe of PROBES) {
      for (const message of lintResult(probe.file).messages) {
        if (message.ruleId === "no-restricted-imports") expect(message.message).toContain("DESIGN.md");
      }
    }
  });
});

describe("no eval", () => {
  it("reports eval and new Function in TypeScript", () => {
    const result = lintResult(CODE_PROBES.ts.file);
    expect(errorLines(result, "no-eval")).toEqual([1]);
    expect(errorLines(result, "no-new-func")).toEqual([2]);
  });

  it("reports eval, new Function and implied eval in JavaScript", () => {
    const result = lintResult(CODE_PROBES.js.file);
    expect(errorLines(result, "no-eval")).toEqual([1]);
    expect(errorLines(result, "no-new-func")).toEqual([2]);
    expect(errorLines(result, "no-implied-eval")).toEqual([3]);
  });
});
