import type { Request } from "express";
import { HttpProblem } from "../../http/errors/problem.js";
import { isUuid } from "../workspaces/identity-error.js";

/**
 * Path parameters of the app routes. Something that cannot name a row is a
 * 404 like a row that does not exist (never a 500 from a uuid cast), and
 * another workspace's app is one too: the answer does not reveal which.
 */

export function appNotFound(): HttpProblem {
  return new HttpProblem(404, "App not found", "There is no app with this id in your workspace (it may have been deleted).");
}

/** The `:id` of /api/v1/apps/:id…, lower-cased as PostgreSQL returns uuids. */
export function appIdOf(req: Request): string {
  const id = String(req.params["id"]);
  if (!isUuid(id)) throw appNotFound();
  return id.toLowerCase();
}

/** The `:number` of …/versions/:number: a whole number from 1. */
export function versionNumberOf(req: Request): number {
  const text = String(req.params["number"]);
  if (!/^[1-9]\d{0,8}$/.test(text)) throw versionNotFound();
  return Number(text);
}

export function versionNotFound(): HttpProblem {
  return new HttpProblem(404, "Version not found", "This app has no published version with this number.");
}

/** The `:requestId` of …/publish-requests/:requestId. */
export function publishRequestIdOf(req: Request): string {
  const id = String(req.params["requestId"]);
  if (!isUuid(id)) throw publishRequestNotFound();
  return id.toLowerCase();
}

export function publishRequestNotFound(): HttpProblem {
  return new HttpProblem(404, "Publish request not found", "This app has no publish request with this id.");
}
