import type { Request } from "express";
import { HttpProblem, type ProblemItem } from "../../http/errors/problem.js";
import { isUuid } from "../workspaces/identity-error.js";
import type { AppListCursor } from "./list-apps.js";
import { isStorableText } from "./storable-text.js";

export const DEFAULT_APP_PAGE = 50;
export const MAX_APP_PAGE = 100;

const PARAMETERS = ["q", "limit", "cursor", "deleted"] as const;

export interface AppListQuery {
  readonly search: string | undefined;
  readonly limit: number;
  readonly after: AppListCursor | undefined;
  readonly deleted: boolean;
}

/** Reads GET /api/v1/apps?q=&limit=&cursor=&deleted=true, refusing anything else with one 400. */
export function readAppListQuery(req: Request): AppListQuery {
  const problems: ProblemItem[] = [];
  const query = req.query as Record<string, unknown>;
  for (const name of Object.keys(query)) {
    if (!(PARAMETERS as readonly string[]).includes(name)) problems.push({ code: "query.unknown", message: `Unknown query parameter '${name.slice(0, 40)}': use ${PARAMETERS.join(", ")}.` });
  }
  const text = (name: (typeof PARAMETERS)[number], max: number): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value === "string" && value.length > 0 && value.length <= max && isStorableText(value)) return value;
    problems.push({ code: "query.invalid", message: `Give '${name}' once, as a text of 1 to ${max} characters.` });
    return undefined;
  };
  const search = text("q", 200);
  const limitText = text("limit", 3);
  let limit = DEFAULT_APP_PAGE;
  if (limitText !== undefined) {
    if (/^[1-9]\d{0,2}$/.test(limitText) && Number(limitText) <= MAX_APP_PAGE) limit = Number(limitText);
    else problems.push({ code: "query.invalid", message: `'limit' must be a whole number from 1 to ${MAX_APP_PAGE}.` });
  }
  const cursorText = text("cursor", 400);
  const after = cursorText === undefined ? undefined : decodeCursor(cursorText);
  if (cursorText !== undefined && after === undefined) problems.push({ code: "query.invalid", message: "'cursor' is not one this server gave: pass the nextCursor of the previous page as it is." });
  const deletedText = text("deleted", 5);
  if (deletedText !== undefined && deletedText !== "true" && deletedText !== "false") problems.push({ code: "query.invalid", message: "'deleted' must be true or false." });
  if (problems.length > 0) throw new HttpProblem(400, "Invalid query", problems.map((problem) => problem.message).join(" "), { errors: problems });
  return { search, limit, after, deleted: deletedText === "true" };
}

/** The cursor is opaque to clients: base64url of [slug, id]. */
export function encodeCursor(cursor: AppListCursor): string {
  return Buffer.from(JSON.stringify([cursor.slug, cursor.id]), "utf8").toString("base64url");
}

function decodeCursor(text: string): AppListCursor | undefined {
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown;
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [slug, id] = value as unknown[];
    if (typeof slug !== "string" || slug.length > 64 || !isStorableText(slug) || typeof id !== "string" || !isUuid(id)) return undefined;
    return { slug, id };
  } catch {
    return undefined;
  }
}
