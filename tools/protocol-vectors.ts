/**
 * Writes docs/protocol-vectors/sync/vectors.json (canonical JSON, signed events and batches, refused batches):
 *
 *   npm run protocol:vectors
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SYNC_VECTORS_FILE, syncVectorsText } from './protocol/sync-vectors';

mkdirSync(dirname(SYNC_VECTORS_FILE), { recursive: true });
writeFileSync(SYNC_VECTORS_FILE, syncVectorsText(), 'utf8');
console.log(`wrote ${SYNC_VECTORS_FILE}`);
