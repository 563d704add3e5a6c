import { suggestion } from "../did-you-mean.js";
import { asString, isObject, type DefinitionIndex } from "../definition-index.js";
import type { Report } from "./report.js";

export function checkPages(index: DefinitionIndex, report: Report): void {
  const paths = new Map<string, string>();
  for (const page of index.pages) {
    const path = asString(page.page["path"]);
    if (path === undefined) continue;
    // /payments/:id and /payments/:ref are the same route.
    const shape = path.replace(/:[A-Za-z_][A-Za-z0-9_]*/g, ":");
    const first = paths.get(shape);
    if (first !== undefined) report(`${page.pointer}/path`, "page.duplicate-path", `Page '${page.title}' uses the path '${path}', which page '${first}' already uses. Give each page its own path.`);
    else paths.set(shape, page.title);
  }
  const settings = index.doc["settings"];
  const home = isObject(settings) ? asString(settings["homePage"]) : undefined;
  const pageIds = index.pages.map((p) => p.id).filter((id): id is string => id !== undefined);
  if (home !== undefined && !pageIds.includes(home)) {
    report("/settings/homePage", "ref.unknown-page", `The home page '${home}' does not exist.${suggestion(home, pageIds)}`);
  }
}
