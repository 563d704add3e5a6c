import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * The Content-Security-Policy of everything the server sends: only this
 * origin, no `unsafe-eval` (the browser uses ajv's precompiled validators and
 * Monaco's local workers), inline styles only (Monaco needs them), `data:`
 * images (Monaco's squiggles). No external origin: no CDN, no fonts.
 * helmet's `upgrade-insecure-requests` default is left out so the plain-HTTP
 * loopback server works.
 */
export const contentSecurityPolicyDirectives = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "worker-src": ["'self'"],
  "connect-src": ["'self'"],
  "font-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "frame-ancestors": ["'none'"],
  "form-action": ["'self'"],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/** helmet with the strict CSP above; frames are refused outright (X-Frame-Options DENY, frame-ancestors 'none'). */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicyDirectives },
    xFrameOptions: { action: "deny" },
  });
}
