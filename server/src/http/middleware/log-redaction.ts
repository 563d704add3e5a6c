import type { ChildLoggerOptions } from "pino";

/**
 * What the logs never show: credentials in headers, and any field whose name
 * says it holds a password, token, secret, CSRF token, cookie or API key, at
 * any depth of what is logged (request bodies handed to `req.log`, query
 * strings, connector payloads).
 *
 * Two mechanisms, because pino's wildcard `redact` paths cost ~10 µs per line
 * per extra level of depth (≈200 µs for six levels, measured): exact `redact`
 * paths for the headers pino-http logs, and one walk over each logged object
 * (`formatters.log`, inherited by every child logger) for field names.
 */
export const REDACTED = "[Redacted]";

/** Field names to redact, case-insensitively, wherever they appear. */
const SENSITIVE_FIELD = /password|passwd|secret|token|csrf|authorization|cookie|api[-_]?key/i;

/** Objects nested deeper than this are replaced rather than walked (also stops cycles). */
const MAX_DEPTH = 12;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * A copy of `value` in which every sensitive field of a plain object or array
 * is replaced by REDACTED. Class instances (errors, requests, responses) are
 * left to their serializers.
 */
export function redactSensitiveFields(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) {
    return depth >= MAX_DEPTH ? "[Too deep to log]" : value.map((item) => redactSensitiveFields(item, depth + 1));
  }
  if (!isPlainObject(value)) return value;
  if (depth >= MAX_DEPTH) return "[Too deep to log]";
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    copy[key] = SENSITIVE_FIELD.test(key) ? REDACTED : redactSensitiveFields(field, depth + 1);
  }
  return copy;
}

/** Credential headers in the `req` and `res` objects pino-http logs. */
const HEADER_PATHS = [
  "req.headers.authorization",
  'req.headers["proxy-authorization"]',
  "req.headers.cookie",
  'req.headers["x-csrf-token"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];

/** The options that make a pino logger (or child logger) redact. */
export const redactingLoggerOptions = {
  redact: { paths: HEADER_PATHS, censor: REDACTED },
  formatters: { log: (object: object): object => redactSensitiveFields(object) as object },
} satisfies ChildLoggerOptions;
