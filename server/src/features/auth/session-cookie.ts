import type { IncomingMessage } from "node:http";
import type { CookieOptions, Request, Response } from "express";

/**
 * The session cookie. Over HTTPS (directly, or behind a trusted proxy that
 * says X-Forwarded-Proto: https) it is `__Host-finwright_session`: Secure,
 * Path=/, no Domain, so no other host or plain-HTTP page can set or read it
 * (ASVS 3.3.1). Browsers refuse `__Host-` and Secure cookies from plain
 * http:// origins other than localhost, so the plain-HTTP loopback server
 * (`npm start` on 127.0.0.1) uses `finwright_session` without them; it is
 * still HttpOnly and SameSite=Strict. Each scheme reads only its own name.
 */
export const SECURE_SESSION_COOKIE = "__Host-finwright_session";
export const PLAIN_SESSION_COOKIE = "finwright_session";

export function sessionCookieName(req: Request): string {
  return req.secure ? SECURE_SESSION_COOKIE : PLAIN_SESSION_COOKIE;
}

function cookieOptions(req: Request): CookieOptions {
  return { httpOnly: true, sameSite: "strict", secure: req.secure, path: "/" };
}

/** Sets the cookie to `token`, kept by the browser no longer than the session's absolute lifetime. */
export function setSessionCookie(req: Request, res: Response, token: string, maxAgeMs: number): void {
  res.cookie(sessionCookieName(req), token, { ...cookieOptions(req), maxAge: maxAgeMs });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(sessionCookieName(req), cookieOptions(req));
}

/** The value of the first cookie called `name` in the Cookie header (no cookie-parser needed for one cookie). */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(";")) {
    const separator = part.indexOf("=");
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}
