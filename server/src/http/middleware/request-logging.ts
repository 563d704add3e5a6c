import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import type { Logger, LevelWithSilent } from "pino";
import { pinoHttp } from "pino-http";
import { redactingLoggerOptions, redactSensitiveFields } from "./log-redaction.js";
import { requestIdOf } from "./request-id.js";

/** Probe paths: logged at debug level while they succeed, so load balancers do not flood the logs. */
const PROBE_PATHS = new Set(["/healthz", "/readyz"]);

function pathnameOf(url: string | undefined): string {
  return (url ?? "").split("?")[0] ?? "";
}

function levelFor(req: IncomingMessage, res: ServerResponse, error?: Error): LevelWithSilent {
  if (error !== undefined || res.statusCode >= 500) return "error";
  if (res.statusCode >= 400) return "warn";
  return PROBE_PATHS.has(pathnameOf(req.url)) ? "debug" : "info";
}

/**
 * Wraps `logger` so that every line it or its children write is redacted
 * (log-redaction.ts), whatever options the caller's logger was created with.
 */
export function redactingLogger(logger: Logger): Logger {
  return logger.child({}, redactingLoggerOptions);
}

/**
 * One structured line per request (method, path, status, time, request id),
 * and `req.log` for handlers. The logged URL leaves out the query string;
 * credentials in headers, query and logged objects are redacted.
 */
export function logRequests(logger: Logger): RequestHandler {
  return pinoHttp({
    logger: redactingLogger(logger),
    genReqId: (req) => requestIdOf(req),
    customAttributeKeys: { reqId: "requestId" },
    quietReqLogger: true,
    customLogLevel: levelFor,
    serializers: {
      req: (req: { url?: string; query?: unknown }) => ({ ...req, url: pathnameOf(req.url), query: redactSensitiveFields(req.query) }),
    },
  });
}
