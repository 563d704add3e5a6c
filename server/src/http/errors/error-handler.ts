import { STATUS_CODES } from "node:http";
import type { ErrorRequestHandler } from "express";
import { requestIdOf } from "../middleware/request-id.js";
import { HttpProblem, isHttpProblem } from "./problem.js";
import { sendProblem } from "./send-problem.js";

/** The fields body-parser and http-errors put on the errors they raise. */
interface ClientErrorFields {
  readonly status?: unknown;
  readonly type?: unknown;
  readonly expose?: unknown;
  readonly limit?: unknown;
  readonly message?: unknown;
}

function fieldsOf(error: unknown): ClientErrorFields {
  return typeof error === "object" && error !== null ? error : {};
}

function kilobytes(limit: unknown): string {
  return typeof limit === "number" ? `${Math.round(limit / 1024).toLocaleString("en")} kB` : "the limit";
}

/** The position body-parser's JSON.parse error names, without echoing the body itself. */
function parsePosition(message: unknown): string {
  const match = typeof message === "string" ? /position (\d+)/.exec(message) : null;
  return match === null ? "" : ` (near character ${match[1]})`;
}

/**
 * A client error raised by Express or body-parser, as a problem; undefined
 * for anything else. Only http-errors' own 4xx errors (marked `expose`) and
 * the router's URIError count: an error from elsewhere that merely has a
 * `status` (an upstream 404 from a connector, say) is a server error.
 */
function clientProblem(error: unknown): HttpProblem | undefined {
  if (error instanceof URIError) {
    return new HttpProblem(400, "Bad request", "The URL has an invalid percent-encoding (a '%' not followed by two hex digits of UTF-8): fix the URL.");
  }
  const fields = fieldsOf(error);
  const status = fields.status;
  if (fields.expose !== true || typeof status !== "number" || !Number.isInteger(status) || status < 400 || status > 499) return undefined;
  switch (fields.type) {
    case "entity.parse.failed":
      return new HttpProblem(400, "Malformed JSON", `The request body is not valid JSON${parsePosition(fields.message)}: fix the syntax and send it again.`, {
        type: "https://finwright.dev/problems/malformed-json",
      });
    case "entity.too.large":
      return new HttpProblem(413, "Request body too large", `The request body is larger than ${kilobytes(fields.limit)}, the limit of this endpoint.`);
    case "charset.unsupported":
      return new HttpProblem(415, "Unsupported media type", "Send the JSON body in UTF-8 (charset=utf-8).");
    case "encoding.unsupported":
      return new HttpProblem(415, "Unsupported media type", "The body's Content-Encoding is not supported: send it uncompressed, or with gzip, deflate or br.");
    default:
      return new HttpProblem(status, STATUS_CODES[status] ?? "Client error", typeof fields.message === "string" ? fields.message : "The request cannot be processed.");
  }
}

/**
 * The last middleware: every error becomes `application/problem+json`.
 * HttpProblems are sent as given; client errors from Express and body-parser
 * are translated; anything else is a 500 with a generic detail and the
 * request id. The error itself (message, stack) goes only to the log.
 */
export function handleErrors(): ErrorRequestHandler {
  return function handleErrorsHandler(error: unknown, req, res, next) {
    const problem = isHttpProblem(error) ? error : clientProblem(error);
    if (problem === undefined || problem.status >= 500) {
      // pino-http writes this error, with its stack, in the request's log line.
      res.err = error instanceof Error ? error : new Error(`Non-error thrown: ${String(error)}`);
    }
    if (res.headersSent) {
      // Too late for a problem document: let Express close the connection.
      next(error);
      return;
    }
    sendProblem(
      req,
      res,
      problem ??
        new HttpProblem(
          500,
          "Internal server error",
          `Something went wrong on the server. It has been logged; quote the request id ${requestIdOf(req)} if you report it.`,
        ),
    );
  };
}
