/**
 * Errors as RFC 9457 problem details (`application/problem+json`). Handlers
 * throw an HttpProblem; the error handler turns it, and every other error,
 * into a ProblemDocument.
 */

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** Base of the `type` URIs of Finwright's problems. */
export const PROBLEM_TYPE_BASE = "https://finwright.dev/problems/";

/** One precise problem inside a response, e.g. a validation error at a JSON Pointer. */
export interface ProblemItem {
  readonly code: string;
  readonly message: string;
  /** JSON Pointer into the request body. */
  readonly pointer?: string;
  readonly [key: string]: unknown;
}

/** The body of every error response. */
export interface ProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  /** What went wrong and what to do about it, in a sentence a user can act on. */
  readonly detail: string;
  /** The request path (without its query string). */
  readonly instance: string;
  /** Quote it when reporting a problem: the logs carry the same id. */
  readonly requestId: string;
  readonly errors?: readonly ProblemItem[];
}

export interface HttpProblemExtra {
  /** A problem type URI; defaults to one derived from the status. */
  readonly type?: string;
  readonly errors?: readonly ProblemItem[];
  /** Response headers to send with the problem (Allow, ETag, WWW-Authenticate, Retry-After…). */
  readonly headers?: Readonly<Record<string, string>>;
}

const TYPE_SLUGS: Readonly<Record<number, string>> = {
  400: "bad-request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not-found",
  405: "method-not-allowed",
  409: "conflict",
  412: "precondition-failed",
  413: "payload-too-large",
  415: "unsupported-media-type",
  422: "unprocessable-content",
  428: "precondition-required",
  429: "too-many-requests",
  500: "internal-error",
  503: "service-unavailable",
};

/** The default `type` URI for a status. */
export function problemTypeFor(status: number): string {
  const slug = TYPE_SLUGS[status];
  return slug === undefined ? "about:blank" : `${PROBLEM_TYPE_BASE}${slug}`;
}

/**
 * An error whose status, title and detail are meant for the client, sent as
 * given: `throw new HttpProblem(404, "App not found", "No app has the id 'x'.")`.
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly type: string;
  readonly errors: readonly ProblemItem[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, title: string, detail: string, extra: HttpProblemExtra = {}) {
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new RangeError(`HttpProblem needs an error status (400–599), not ${status}.`);
    }
    super(detail);
    this.name = "HttpProblem";
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.type = extra.type ?? problemTypeFor(status);
    this.errors = extra.errors;
    this.headers = extra.headers ?? {};
  }
}

export function isHttpProblem(error: unknown): error is HttpProblem {
  return error instanceof HttpProblem;
}
