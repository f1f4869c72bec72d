export { CURRENT_SCHEMA_VERSION } from './version.js';
export { checkMigrationTable, migrateDocument, migrations } from './migrations.js';
export type { MigrateOptions, MigratingRecord, Migration, MigrationTable } from './migrations.js';
export { parseDocument, parseDocumentWith } from './parseDocument.js';
export type { ParseOptions } from './parseDocument.js';
export { serializeDocument } from './serializeDocument.js';
export type { SerializeOptions } from './serializeDocument.js';
