import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";

const MAGIC = /[*?[]/;

/**
 * Expands file arguments that hold glob patterns (`examples/apps/*.json`,
 * `apps/**\/*.json`) for shells that pass them through quoted or unexpanded.
 * Plain paths are returned as they are, so a missing file is reported by name.
 */
export function expandFileArgs(args: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const arg of args) {
    if (!MAGIC.test(arg)) {
      files.push(arg);
      continue;
    }
    const matches = expandGlob(arg, cwd);
    // An unmatched pattern is kept so the caller reports it as a missing file.
    files.push(...(matches.length > 0 ? matches : [arg]));
  }
  return files;
}

function expandGlob(pattern: string, cwd: string): string[] {
  const parts = pattern.split(/[\\/]/);
  const firstMagic = parts.findIndex((p) => MAGIC.test(p));
  const base = parts.slice(0, firstMagic).join("/") || ".";
  const matcher = globToRegExp(parts.slice(firstMagic).join("/"));
  const root = resolve(cwd, base);
  const found: string[] = [];
  walk(root, (file) => {
    const rel = relative(root, file).split(sep).join("/");
    if (matcher.test(rel)) found.push(base === "." && !pattern.startsWith("./") ? rel : `${base}/${rel}`);
  });
  return found.sort();
}

function walk(dir: string, visit: (file: string) => void, depth = 0): void {
  if (depth > 20) return;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    if (name === "node_modules" || name === ".git") continue;
    const path = join(dir, name);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      continue;
    }
    if (stats.isDirectory()) walk(path, visit, depth + 1);
    else visit(path);
  }
}

function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      source += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else if (c === "[") {
      const end = glob.indexOf("]", i);
      if (end === -1) source += "\\[";
      else {
        source += glob.slice(i, end + 1);
        i = end;
      }
    } else source += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}
