import { DEMO_TEST_PASSWORD } from "./auth-test-server.test-support.js";

/** How a test request authenticates: a signed-in session (cookie + CSRF token), an API token, or nothing. */
export type Credentials =
  | { readonly cookie: string; readonly csrfToken: string }
  | { readonly token: string }
  | undefined;

export interface CallOptions {
  readonly as?: Credentials;
  readonly body?: unknown;
  /** false: leave out the CSRF header of a session; a string: send that instead. */
  readonly csrf?: false | string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One real HTTP request to the test server. */
export function call(url: string, method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  const as = options.as;
  if (as !== undefined && "cookie" in as) {
    headers["cookie"] = as.cookie;
    if (options.csrf !== false) headers["x-csrf-token"] = options.csrf ?? as.csrfToken;
  } else if (as !== undefined) {
    headers["authorization"] = `Bearer ${as.token}`;
  }
  if (options.body !== undefined) headers["content-type"] = "application/json";
  return fetch(`${url}${path}`, { method, headers, body: options.body === undefined ? null : JSON.stringify(options.body) });
}

export interface SignedIn {
  readonly cookie: string;
  readonly csrfToken: string;
  readonly body: Record<string, unknown>;
  readonly setCookie: string;
}

/** Signs in through POST /api/v1/auth/login and returns what a browser would keep. */
export async function signIn(url: string, username: string, password = DEMO_TEST_PASSWORD, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<SignedIn> {
  const response = await call(url, "POST", "/api/v1/auth/login", { body: { username, password, ...extra }, headers });
  if (response.status !== 200) throw new Error(`Sign-in of ${username} answered ${response.status}: ${await response.text()}`);
  const setCookie = response.headers.getSetCookie()[0] ?? "";
  const body = (await response.json()) as Record<string, unknown>;
  return { cookie: setCookie.split(";")[0] ?? "", csrfToken: String(body["csrfToken"]), body, setCookie };
}

/** The body of a problem+json answer. */
export async function problemOf(response: Response): Promise<Record<string, unknown>> {
  if (!/^application\/problem\+json/.test(response.headers.get("content-type") ?? "")) {
    throw new Error(`Expected a problem+json answer, got ${response.status} ${response.headers.get("content-type")}: ${await response.text()}`);
  }
  return (await response.json()) as Record<string, unknown>;
}
