import type { Database } from "../../../db/database.types.js";
import type { SignedIn } from "../../../features/auth/testing/http-client.test-support.js";
import type { RoutePolicyKey } from "../route-policies.js";

/**
 * The extension point of the authorization matrix (authorization-matrix.test.ts):
 * each feature gives one sample request per route it adds to the policy
 * table, after preparing the objects those requests act on in the demo
 * workspace. The matrix fails while any route of the table has no sample.
 */

/** Who calls every route: the demo users, another workspace's admin, a revoked API token and nobody. */
export const MATRIX_CALLERS = ["anonymous", "revoked-token", "viewer", "maker", "checker", "builder", "developer", "admin", "other-admin"] as const;
export type MatrixCaller = (typeof MATRIX_CALLERS)[number];
export type SignedInCaller = Exclude<MatrixCaller, "anonymous" | "revoked-token">;

export interface MatrixContext {
  readonly url: string;
  readonly db: Database;
  /** The session of a signed-in caller (CSRF token included), for preparing objects. */
  readonly signedIn: (caller: SignedInCaller) => SignedIn;
}

export interface MatrixSample {
  /** The concrete path, parameters filled in with objects of the demo workspace. */
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** What another workspace's admin must get where the route names an object of the demo workspace (404, Z2). */
  readonly otherWorkspace?: number;
}

/** One request per route; `roles` are the caller's (e.g. to create a token with roles the caller holds). */
export type MatrixSampleFor = (caller: MatrixCaller, roles: readonly string[]) => MatrixSample;

/** A feature's samples: prepares its objects once, then answers a request per route key. */
export type MatrixSampleSource = (context: MatrixContext) => Promise<Partial<Record<RoutePolicyKey, MatrixSampleFor>>>;
