// Benchmark of validate() and validateText() against JSON.parse on a large,
// realistic app definition (see generate.mjs). Run it with `npm run bench`
// (which builds first) or `node bench/validate/run.mjs --help`.
//
// Timing is never asserted in tests: numbers depend on the machine. This
// script reports them (stdout, bench/results/validate.md and .json) and only
// fails when the fixture itself does not validate cleanly (exit 1) or on a
// usage error (exit 2).
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { DEFAULT_LIMITS, clearExpressionCache, validate, validateText } from "@finwright/schemas";
import { builtinManifests } from "@finwright/components/manifests";
import { DEFAULT_NODES, DEFAULT_SEED, countNodes, generateDefinition } from "./generate.mjs";
import { renderMarkdown, renderTable } from "./report.mjs";

/** The goal from the issue: validate at most 5× JSON.parse and at most 50 ms, on a 5,000-node app. */
export const GOAL = { maxRatio: 5, maxMs: 50, nodes: DEFAULT_NODES };
const MIN_ITERATIONS = 30;
const MIN_WARMUP = 5;

const USAGE = `Usage: node bench/validate/run.mjs [options]

Times JSON.parse, validate() and validateText() on a generated app definition,
interleaved in one process, and writes bench/results/validate.md and .json.

Options:
  --nodes N        component nodes in the generated definition (default ${DEFAULT_NODES})
  --seed N         PRNG seed of the generator (default ${DEFAULT_SEED})
  --iterations N   timed iterations of each operation, at least ${MIN_ITERATIONS} (default 40)
  --warmup N       untimed warm-up rounds first, at least ${MIN_WARMUP} (default 10)
  --json           print the raw results as JSON instead of the table
  --help           show this help

Exit codes: 0 measured (whether or not the goal is met), 1 the generated
definition has validation problems, 2 usage error.
`;

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      nodes: { type: "string" }, seed: { type: "string" }, iterations: { type: "string" }, warmup: { type: "string" },
      json: { type: "boolean", default: false }, help: { type: "boolean", default: false },
    },
  });
  const int = (name, fallback, min) => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min) throw new Error(`--${name} must be a whole number of at least ${min}, not '${raw}'`);
    return Number(raw);
  };
  return {
    help: values.help, json: values.json,
    nodes: int("nodes", DEFAULT_NODES, 1), seed: int("seed", DEFAULT_SEED, 0),
    iterations: int("iterations", 40, MIN_ITERATIONS), warmup: int("warmup", 10, MIN_WARMUP),
  };
}

/** Linear-interpolated quantile (the R-7 / spreadsheet definition) of sorted values. */
function quantile(sorted, q) {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x) => Math.round(x * 1000) / 1000;
  return {
    medianMs: round(quantile(sorted, 0.5)), p90Ms: round(quantile(sorted, 0.9)),
    minMs: round(sorted[0]), maxMs: round(sorted[sorted.length - 1]),
    meanMs: round(samples.reduce((sum, x) => sum + x, 0) / samples.length), samplesMs: samples.map(round),
  };
}

const elapsedMs = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** Fails loudly (exit 1) unless the result is valid with no problem at all, not even a warning. */
function assertClean(label, result) {
  if (result.valid && result.problems.length === 0) return;
  console.error(`${label}: the generated definition is not clean (${result.problems.length} problems). It must validate with zero problems before it is timed.`);
  for (const p of result.problems.slice(0, 50)) console.error(`  ${p.severity} ${p.code} at ${p.pointer || "/"}${p.line ? ` (line ${p.line})` : ""}: ${p.message}`);
  process.exit(1);
}

function measure(options) {
  const manifests = builtinManifests;
  const doc = generateDefinition({ nodes: options.nodes, seed: options.seed });
  const text = JSON.stringify(doc, null, 2);
  const snapshot = JSON.stringify(doc);

  // The first call also compiles every manifest's props schema with ajv: reported apart, never mixed into the samples.
  let start = process.hrtime.bigint();
  const first = validate(doc, { manifests });
  const firstValidateMs = elapsedMs(start);
  assertClean("validate", first);
  assertClean("validateText", validateText(text, { manifests }));

  const operations = [
    { name: "JSON.parse", run: () => JSON.parse(text), check: (r) => r !== null },
    // The same parsed document every time: validate() does not mutate it (checked below).
    { name: "validate", run: () => validate(doc, { manifests }), check: (r) => r.valid },
    { name: "validateText", run: () => validateText(text, { manifests }), check: (r) => r.valid },
    // validate() keeps parsed expressions across calls (the editor and server re-validate mostly unchanged apps);
    // this row empties that cache first, to show a first validation of never-seen expressions.
    { name: "validate (cold expression cache)", before: clearExpressionCache, run: () => validate(doc, { manifests }), check: (r) => r.valid },
  ];
  const samples = Object.fromEntries(operations.map((op) => [op.name, []]));
  const rounds = options.warmup + options.iterations;
  for (let round = 0; round < rounds; round++) {
    // Interleaved, and the order rotates each round so no operation always runs right after another.
    for (let k = 0; k < operations.length; k++) {
      const op = operations[(round + k) % operations.length];
      op.before?.();
      start = process.hrtime.bigint();
      const result = op.run();
      const ms = elapsedMs(start);
      if (!op.check(result)) throw new Error(`${op.name} returned an unexpected result in round ${round}`);
      if (round >= options.warmup) samples[op.name].push(ms);
    }
  }
  if (JSON.stringify(doc) !== snapshot) throw new Error("validate() changed the document it was given");

  const results = Object.fromEntries(operations.map((op) => [op.name, summarise(samples[op.name])]));
  const parse = results["JSON.parse"].medianMs;
  const ratio = (name) => Math.round((results[name].medianMs / parse) * 100) / 100;
  const validateMs = results.validate.medianMs;
  const ratioMet = ratio("validate") <= GOAL.maxRatio;
  const timeMet = validateMs <= GOAL.maxMs;
  const cpus = os.cpus();
  return {
    benchmark: "validate",
    date: new Date().toISOString(),
    environment: {
      node: process.version, v8: process.versions.v8, platform: `${process.platform} ${process.arch}`,
      cpu: cpus[0]?.model ?? "unknown", cores: cpus.length, memoryGB: Math.round(os.totalmem() / 2 ** 30),
    },
    fixture: {
      nodes: countNodes(doc), seed: options.seed, textBytes: Buffer.byteLength(text), textChars: text.length,
      maxBytes: DEFAULT_LIMITS.maxBytes, maxNodes: DEFAULT_LIMITS.maxNodes,
      lines: text.split("\n").length, pages: doc.pages.length, queries: doc.queries.length, stateKeys: Object.keys(doc.state).length,
      bindings: (text.match(/\{\{/g) ?? []).length,
    },
    settings: { iterations: options.iterations, warmup: options.warmup, interleaved: true, clock: "process.hrtime.bigint()", sameDocEachRun: true },
    firstValidateMs: Math.round(firstValidateMs * 1000) / 1000,
    results,
    ratios: { validateToParse: ratio("validate"), validateTextToParse: ratio("validateText"), validateColdToParse: ratio("validate (cold expression cache)") },
    goal: { ...GOAL, basis: "medians", ratioMet, timeMet, met: ratioMet && timeMet },
  };
}

function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message.replace(/\. To specify a positional argument.*$/s, "")}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const report = measure(options);
  const dir = new URL("../results/", import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL("validate.json", dir), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(new URL("validate.md", dir), renderMarkdown(report));
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderTable(report));
}

main();
