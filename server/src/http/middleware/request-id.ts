import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";

export const REQUEST_ID_HEADER = "x-request-id";

/** An incoming id is kept only when it is short and plain, so it cannot forge or break log lines. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9_-]{1,100}$/;

const requestIds = new WeakMap<IncomingMessage, string>();

/** The id of this request: the caller's `x-request-id` when acceptable, else a fresh UUID. */
export function requestIdOf(req: IncomingMessage): string {
  let id = requestIds.get(req);
  if (id === undefined) {
    const incoming = req.headers[REQUEST_ID_HEADER];
    id = typeof incoming === "string" && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    requestIds.set(req, id);
  }
  return id;
}

/** First middleware: fixes the request id and echoes it in the response, so a client can quote it. */
export function assignRequestId(): RequestHandler {
  return function assignRequestIdHandler(req, res, next) {
    res.setHeader(REQUEST_ID_HEADER, requestIdOf(req));
    next();
  };
}
