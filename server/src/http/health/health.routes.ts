import type { Express } from "express";
import type { Database } from "../../db/database.types.js";
import { HttpProblem } from "../errors/problem.js";
import { defineRoute } from "../policy/define-route.js";
import { routePolicies } from "../policy/route-policies.js";
import { checkReadiness } from "./readiness.js";

export interface HealthDependencies {
  readonly database: Database;
  readonly isReady: () => boolean;
}

/** /healthz (the process is up) and /readyz (it can serve: database reachable, migrations done). */
export function mountHealthRoutes(app: Express, { database, isReady }: HealthDependencies): void {
  defineRoute(app, routePolicies.health, (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json({ status: "ok" });
  });

  defineRoute(app, routePolicies.readiness, async (_req, res) => {
    const readiness = await checkReadiness(database, isReady);
    if (!readiness.ready) {
      throw new HttpProblem(503, "Not ready", readiness.reason, { headers: { "Retry-After": "5" } });
    }
    res.setHeader("Cache-Control", "no-store");
    res.json({ status: "ready" });
  });
}
