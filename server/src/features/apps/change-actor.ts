import type { Request } from "express";
import { requestIdOf } from "../../http/middleware/request-id.js";
import { actorOf } from "../audit/audit-entry.js";
import { signedIn } from "../auth/auth.routes.js";
import type { ChangeActor } from "./app-record.types.js";

/**
 * Who is changing an app, from the request's principal: the workspace comes
 * from the session or token only, never from the request (so every query is
 * scoped to the caller's workspace).
 */
export function changeActorOf(req: Request, now: () => Date): ChangeActor {
  const principal = signedIn(req);
  return { workspaceId: principal.workspaceId, userId: principal.userId, actor: actorOf(principal), requestId: requestIdOf(req), now: now() };
}
