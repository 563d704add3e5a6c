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

/** Nesting depth of a parsed value, stopping as soon as `max` is passed (iterative: safe on any input, even cyclic objects). */
export function exceedsDepth(value: unknown, max: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.value === null || typeof item.value !== "object") continue;
    const depth = item.depth + 1;
    if (depth > max) return true;
    for (const child of Object.values(item.value)) {
      if (child !== null && typeof child === "object") stack.push({ value: child, depth });
    }
  }
  return false;
}
