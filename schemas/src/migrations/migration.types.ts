/** One numbered step: turns a document of schemaVersion `from` into one of `from + 1`. Pure. */
export interface MigrationStep {
  readonly from: number;
  readonly description: string;
  readonly migrate: (doc: Record<string, unknown>) => Record<string, unknown>;
}

export type MigrationResult =
  | { readonly ok: true; readonly doc: Record<string, unknown>; readonly applied: readonly string[]; readonly changed: boolean }
  | { readonly ok: false; readonly error: string };
