import type { IncomingMessage } from "node:http";

/**
 * Who is calling: attached to the request by the authentication middleware
 * (session cookie or API token), read by the access check of every route.
 * A request without a principal is anonymous.
 */
export interface Principal {
  /** The user id, or the API token id for automation. */
  readonly subject: string;
  /** The user signed in, or who created the API token. */
  readonly userId: string;
  /** The one workspace this request acts in, from the session or token only, never from the request (Z2). */
  readonly workspaceId: string;
  /** Platform and business roles held in the request's workspace. */
  readonly roles: readonly string[];
  readonly via: "session" | "token";
  /** The session's id (the sha256 of its cookie) or the API token's id: what logout or revocation ends. */
  readonly credentialId: string;
}

const principals = new WeakMap<IncomingMessage, Principal>();

export function setPrincipal(req: IncomingMessage, principal: Principal): void {
  principals.set(req, principal);
}

export function principalOf(req: IncomingMessage): Principal | undefined {
  return principals.get(req);
}
