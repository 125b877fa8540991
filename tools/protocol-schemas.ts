/**
 * Writes docs/protocol-schemas/ (the JSON Schema of every event payload and who may send it):
 *
 *   npm run protocol:schemas
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMAS_DIR, protocolSchemaFiles } from './protocol/schemas';

const files = protocolSchemaFiles();
mkdirSync(SCHEMAS_DIR, { recursive: true });
// A type that no longer exists loses its file.
for (const name of readdirSync(SCHEMAS_DIR)) if (!files.has(name)) rmSync(join(SCHEMAS_DIR, name));
for (const [name, content] of files) writeFileSync(join(SCHEMAS_DIR, name), content, 'utf8');
console.log(`wrote ${files.size} files to ${SCHEMAS_DIR}`);
