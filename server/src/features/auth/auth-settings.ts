/**
 * How long sessions live and how login throttling counts. Defaults follow
 * ASVS 7.3 for a back-office application: 12 hours absolute, 30 minutes idle.
 */
export interface SessionLifetime {
  /** From sign-in to forced sign-out, however active the session is. */
  readonly absoluteMs: number;
  /** Without a request for this long, the session ends. */
  readonly idleMs: number;
}

export interface LoginThrottle {
  readonly windowMs: number;
  /** Failures of one account within the window that lock it (for everyone) until the oldest ages out. */
  readonly maxAccountFailures: number;
  /** Failures from one IP address within the window that lock that address. */
  readonly maxIpFailures: number;
}

export interface AuthSettings {
  readonly sessionLifetime: SessionLifetime;
  readonly loginThrottle: LoginThrottle;
  /** The clock: every expiry and throttling decision uses it (tests inject their own). */
  readonly now: () => Date;
}

export const DEFAULT_SESSION_LIFETIME: SessionLifetime = { absoluteMs: 12 * 60 * 60_000, idleMs: 30 * 60_000 };
export const DEFAULT_LOGIN_THROTTLE: LoginThrottle = { windowMs: 15 * 60_000, maxAccountFailures: 10, maxIpFailures: 50 };

/** last_seen_at and last_used_at are written at most this often per session or token, not on every request. */
export const ACTIVITY_WRITE_INTERVAL_MS = 60_000;

export interface AuthSettingsInput {
  readonly sessionLifetime?: Partial<SessionLifetime> | undefined;
  readonly loginThrottle?: Partial<LoginThrottle> | undefined;
  readonly now?: (() => Date) | undefined;
}

export function resolveAuthSettings(input: AuthSettingsInput): AuthSettings {
  return {
    sessionLifetime: { ...DEFAULT_SESSION_LIFETIME, ...definedOnly(input.sessionLifetime) },
    loginThrottle: { ...DEFAULT_LOGIN_THROTTLE, ...definedOnly(input.loginThrottle) },
    now: input.now ?? (() => new Date()),
  };
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, field]) => field !== undefined)) as Partial<T>;
}
