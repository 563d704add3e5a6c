// ESLint flat config for the whole monorepo (run from the root: `npm run lint`).
//
// The import-boundary rule implements DESIGN.md, "Packages and the direction
// of imports": schemas <- runtime <- components <- editor; server -> schemas,
// runtime/engine, components/manifests. .ci/lint-boundaries.test.ts proves it.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

const TS_FILES = ["**/*.{ts,tsx,mts,cts}"];
const JS_FILES = ["**/*.{js,jsx,mjs,cjs}"];
const ANY_EXT = "{ts,tsx,mts,cts,js,jsx,mjs,cjs}";

/** Files type-checked with tsconfig.test.json: the package tsconfigs exclude them. */
const TEST_PROJECT_FILES = [
  "**/*.test.{ts,tsx}",
  "**/*.test-support.ts",
  ".ci/**/*.ts",
  "bench/**/*.ts",
  "examples/**/*.ts",
  "e2e/**/*.ts",
  "*.config.ts",
  "*/*.config.ts",
];

/** Node globals for plain .js/.mjs scripts (TS files get theirs from @types/node). */
const NODE_GLOBALS = Object.fromEntries(
  [
    "process", "console", "Buffer", "URL", "URLSearchParams", "fetch",
    "setTimeout", "clearTimeout", "setInterval", "clearInterval",
    "setImmediate", "clearImmediate", "queueMicrotask", "structuredClone",
    "AbortController", "AbortSignal", "TextEncoder", "TextDecoder",
    "performance", "crypto",
  ].map((name) => [name, "readonly"]),
);

// ---------------------------------------------------------------------------
// Import boundaries
// ---------------------------------------------------------------------------

const SEE_DESIGN = 'See DESIGN.md, "Packages and the direction of imports".';

/** Every public entry of every package, with a regex matching exactly it. */
const PUBLIC_ENTRIES = {
  "@finwright/schemas": String.raw`^@finwright/schemas(?:/json/[^/]+\.json)?$`,
  "@finwright/runtime": "^@finwright/runtime$",
  "@finwright/runtime/engine": "^@finwright/runtime/engine$",
  "@finwright/components": "^@finwright/components$",
  "@finwright/components/manifests": "^@finwright/components/manifests$",
  "@finwright/editor": "^@finwright/editor$",
  "@finwright/server": "^@finwright/server$",
};

/** Anything under @finwright/ that is not a public entry: src/, dist/, other subpaths. */
const DEEP_IMPORT = {
  regex: String.raw`^@finwright/(?!(?:schemas(?:/json/[^/]+\.json)?|runtime(?:/engine)?|components(?:/manifests)?|editor|server)$)`,
  message:
    "Import a package only through its public entry (@finwright/schemas, " +
    "@finwright/runtime, @finwright/runtime/engine, @finwright/components, " +
    "@finwright/components/manifests), never its src/ or dist/ internals. " +
    SEE_DESIGN,
};

const PACKAGE_DIRS = ["schemas", "runtime", "components", "editor", "server"];

/** From outside the packages (examples, bench, e2e, .ci): no relative path into a package's internals. */
const RELATIVE_INTO_PACKAGE = {
  regex: String.raw`^(?:\.{1,2}/)+(?:${PACKAGE_DIRS.join("|")})/(?:src|dist)(?:/|$)`,
  message: "Do not reach into a package's src/ or dist/ by path: import its public entry (@finwright/...). " + SEE_DESIGN,
};

const REACT = {
  regex: "^(?:react|react-dom)(?:/.*)?$",
  message: "React-free code: no react or react-dom here (the server loads it without React). " + SEE_DESIGN,
};

/**
 * One scope per package plus the two React-free subpaths. A file gets the
 * scope of its most specific folder; each scope lists its complete
 * restrictions, because a later flat-config block replaces the options of
 * `no-restricted-imports` wholesale rather than adding to them.
 */
const SCOPES = [
  { dir: "schemas", own: ["@finwright/schemas"], allows: [] },
  { dir: "runtime", own: ["@finwright/runtime", "@finwright/runtime/engine"], allows: ["@finwright/schemas"] },
  {
    dir: "runtime/src/engine",
    own: ["@finwright/runtime", "@finwright/runtime/engine"],
    allows: ["@finwright/schemas"],
    reactFree: true,
    escape: "runtime/src/engine is the self-contained, React-free subpath @finwright/runtime/engine: relative imports stay inside it.",
  },
  {
    dir: "components",
    own: ["@finwright/components", "@finwright/components/manifests"],
    allows: ["@finwright/runtime", "@finwright/runtime/engine"],
    why: "Components use only the public SDK, exactly as a third party would.",
  },
  {
    dir: "components/src/manifests",
    own: ["@finwright/components", "@finwright/components/manifests"],
    allows: ["@finwright/runtime/engine"],
    reactFree: true,
    why: "Manifests are React-free: the server and the CLI load them.",
    escape: "components/src/manifests is the self-contained, React-free subpath @finwright/components/manifests: relative imports stay inside it.",
  },
  {
    dir: "editor",
    own: ["@finwright/editor"],
    allows: ["@finwright/schemas", "@finwright/runtime", "@finwright/runtime/engine", "@finwright/components", "@finwright/components/manifests"],
  },
  {
    dir: "server",
    own: ["@finwright/server"],
    allows: ["@finwright/schemas", "@finwright/runtime/engine", "@finwright/components/manifests"],
    why: "The server never loads React: use the /engine and /manifests subpaths.",
  },
];

/** The complete pattern list for a scope, except the relative-path check (which depends on depth). */
function entryPatterns({ dir, own, allows, reactFree, why }) {
  const allowed = allows.length > 0 ? `only ${allows.join(", ")}` : "no @finwright package";
  const patterns = Object.entries(PUBLIC_ENTRIES)
    .filter(([entry]) => !allows.includes(entry))
    .map(([entry, regex]) => {
      let message;
      if (entry === "@finwright/editor" || entry === "@finwright/server") {
        message = `Nothing imports ${entry}. ${SEE_DESIGN}`;
      } else if (own.includes(entry)) {
        message = `${dir} must not import its own package name (${entry}): use a relative import. ${SEE_DESIGN}`;
      } else {
        message = `${dir} may import ${allowed}. ${why ? `${why} ` : ""}${SEE_DESIGN}`;
      }
      return { regex, message };
    });
  patterns.push(DEEP_IMPORT);
  if (reactFree) patterns.push(REACT);
  return patterns;
}

/** Matches a relative import that climbs more than `depth` folders, i.e. out of the scope's folder. */
function escapePattern(depth, message) {
  return { regex: String.raw`^(?:\./)?(?:\.\./){${depth}}\.\.(?:/|$)`, message };
}

const MAX_DEPTH = 8;

/**
 * One block per folder depth below the scope's folder, because the relative
 * check depends on how deep the file sits: from runtime/src/a.ts, `../../x`
 * leaves runtime/. Files deeper than MAX_DEPTH share the last block, which
 * errs on the strict side.
 */
function boundaryBlocks(scope) {
  const patterns = entryPatterns(scope);
  const leaving =
    scope.escape ??
    `Relative import leaves the ${scope.dir}/ package: import another package through its public entry (@finwright/...).`;
  const escape = `${leaving} ${SEE_DESIGN}`;
  return Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => ({
    name: `finwright/boundaries/${scope.dir}/depth-${depth}`,
    files: [`${scope.dir}/${"*/".repeat(depth)}${depth === MAX_DEPTH ? "**/" : ""}*.${ANY_EXT}`],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...patterns, escapePattern(depth, escape)] }],
    },
  }));
}

// ---------------------------------------------------------------------------

export default defineConfig(
  globalIgnores([
    "**/dist/",
    "**/dist-*/",
    "**/node_modules/",
    "**/src/generated/**",
    "**/coverage/",
    "**/test-results/",
    "**/playwright-report/",
  ]),

  js.configs.recommended,

  {
    name: "finwright/typescript",
    files: [...TS_FILES, ...JS_FILES],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // Tests, examples, bench, e2e and config files are excluded from the
    // package builds; they are type-checked (and type-linted) with tsconfig.test.json.
    name: "finwright/typescript-tests",
    files: TEST_PROJECT_FILES,
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: "./tsconfig.test.json",
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    name: "finwright/javascript",
    files: JS_FILES,
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: NODE_GLOBALS },
    rules: { "no-implied-eval": "error" },
  },

  {
    name: "finwright/rules",
    rules: {
      "no-eval": "error",
      "no-new-func": "error",
      eqeqeq: ["error", "always"],
      "max-lines": ["error", { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    name: "finwright/rules-typescript",
    files: TS_FILES,
    rules: {
      // The type-aware variant of no-implied-eval (core one is off for TS files).
      "@typescript-eslint/no-implied-eval": "error",
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },

  // Import boundaries. Order matters: the root scope first, then packages,
  // then the React-free subpaths, each overriding the one before.
  {
    name: "finwright/boundaries/root",
    rules: {
      "no-restricted-imports": ["error", { patterns: [DEEP_IMPORT, RELATIVE_INTO_PACKAGE] }],
    },
  },
  ...SCOPES.flatMap(boundaryBlocks),
);
