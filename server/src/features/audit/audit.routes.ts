import type { Express, Request } from "express";
import type { Database } from "../../db/database.types.js";
import { HttpProblem, type ProblemItem } from "../../http/errors/problem.js";
import { defineRoute } from "../../http/policy/define-route.js";
import { principalOf } from "../../http/policy/request-principal.js";
import { routePolicies } from "../../http/policy/route-policies.js";
import { queryAuditEntries, type AuditFilter } from "./audit-query.js";

export const DEFAULT_AUDIT_PAGE = 50;
export const MAX_AUDIT_PAGE = 200;

const PARAMETERS = ["actor", "action", "target", "from", "to", "cursor", "limit"] as const;

/** GET /api/v1/audit: the caller's workspace only (from the session, never from the request). */
export function mountAuditRoutes(app: Express, { database }: { readonly database: Database }): void {
  defineRoute(app, routePolicies.listAuditEntries, async (req, res) => {
    const workspaceId = principalOf(req)?.workspaceId;
    if (workspaceId === undefined) throw new Error("No principal on an admin-only route.");
    res.setHeader("Cache-Control", "no-store");
    res.json(await queryAuditEntries(database, { ...readFilter(req), workspaceId }));
  });
}

function readFilter(req: Request): Omit<AuditFilter, "workspaceId"> {
  const problems: ProblemItem[] = [];
  const query = req.query as Record<string, unknown>;
  for (const name of Object.keys(query)) {
    if (!(PARAMETERS as readonly string[]).includes(name)) problems.push({ code: "query.unknown", message: `Unknown query parameter '${name.slice(0, 40)}': use ${PARAMETERS.join(", ")}.` });
  }
  const text = (name: (typeof PARAMETERS)[number]): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value === "string" && value.length > 0 && value.length <= 200) return value;
    problems.push({ code: "query.invalid", message: `Give '${name}' once, as a text of 1 to 200 characters.` });
    return undefined;
  };
  const time = (name: "from" | "to"): Date | undefined => {
    const value = text(name);
    if (value === undefined) return undefined;
    const date = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value) ? new Date(value) : new Date(Number.NaN);
    if (!Number.isNaN(date.getTime())) return date;
    problems.push({ code: "query.invalid", message: `'${name}' must be an ISO 8601 date or time, e.g. 2025-01-31 or 2025-01-31T09:00:00Z.` });
    return undefined;
  };
  const whole = (name: "cursor" | "limit", max: number): number | undefined => {
    const value = text(name);
    if (value === undefined) return undefined;
    if (/^[1-9]\d{0,17}$/.test(value) && Number(value) <= max) return Number(value);
    problems.push({ code: "query.invalid", message: `'${name}' must be a whole number from 1 to ${max}.` });
    return undefined;
  };
  const cursor = whole("cursor", Number.MAX_SAFE_INTEGER);
  const filter = {
    actor: text("actor"),
    action: text("action"),
    target: text("target"),
    from: time("from"),
    to: time("to"),
    beforeId: cursor === undefined ? undefined : String(cursor),
    limit: whole("limit", MAX_AUDIT_PAGE) ?? DEFAULT_AUDIT_PAGE,
  };
  if (problems.length > 0) throw new HttpProblem(400, "Invalid query", problems.map((problem) => problem.message).join(" "), { errors: problems });
  return filter;
}
