/** Bounds that keep hostile definitions from exhausting memory, stack or time. */
export interface ValidationLimits {
  /** Largest source text, in bytes (UTF-8). */
  readonly maxBytes: number;
  /** Deepest nesting of arrays and objects. */
  readonly maxDepth: number;
  /** Most component nodes across all pages. */
  readonly maxNodes: number;
  /** Longest single {{ expression }}, in characters. */
  readonly maxExpressionLength: number;
  /** Most problems reported; the rest are summarised. */
  readonly maxProblems: number;
}

export const DEFAULT_LIMITS: ValidationLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxDepth: 128,
  maxNodes: 10_000,
  maxExpressionLength: 2_000,
  maxProblems: 500,
};

export function resolveLimits(overrides: Partial<ValidationLimits> | undefined): ValidationLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}

/** Whether a value nests deeper than `max` (iterative, stops early; safe on cyclic objects). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const item = values.pop() as Record<string, unknown>;
    const depth = depths.pop()! + 1;
    if (depth > max) return true;
    for (const key in item) {
      const child = item[key];
      if (child !== null && typeof child === "object") {
        values.push(child);
        depths.push(depth);
      }
    }
  }
  return false;
}
