/**
 * The schema version written by this library. Version 1 is the initial format; every later
 * version adds numbered migrations to `migrations.ts` (see CONTEXT.md of core).
 */
export const CURRENT_SCHEMA_VERSION = 1;
