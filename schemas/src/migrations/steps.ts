import type { MigrationStep } from "./migration.types.js";

/**
 * The registry of document migrations, in order. Version 1 is the first
 * published format, so there are none yet; the step from N to N + 1 goes here
 * as its own file when schemaVersion N + 1 ships.
 */
export const MIGRATION_STEPS: readonly MigrationStep[] = [];
