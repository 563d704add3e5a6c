import type { Request, Response } from "express";
import { requestIdOf } from "../middleware/request-id.js";
import { PROBLEM_CONTENT_TYPE, type HttpProblem, type ProblemDocument } from "./problem.js";

/** The request path without its query string (which may carry things that do not belong in a response). */
function instanceOf(req: Request): string {
  return (req.originalUrl.split("?")[0] ?? "") || "/";
}

/** Sends `problem` as `application/problem+json`, with the request id, never cached. */
export function sendProblem(req: Request, res: Response, problem: HttpProblem): void {
  const body: ProblemDocument = {
    type: problem.type,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance: instanceOf(req),
    requestId: requestIdOf(req),
    ...(problem.errors === undefined ? {} : { errors: problem.errors }),
  };
  res.status(problem.status);
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res.setHeader("Cache-Control", "no-store");
  res.type(PROBLEM_CONTENT_TYPE);
  res.send(JSON.stringify(body));
}
