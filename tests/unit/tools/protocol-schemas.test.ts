import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventPayloads } from '../../../shared/sync/event-registry';
import { SCHEMAS_DIR, protocolSchemaFiles } from '../../../tools/protocol/schemas';

const dir = resolve(import.meta.dirname, '../../..', SCHEMAS_DIR);

describe('docs/protocol-schemas (generated from the zod schemas)', () => {
  const generated = protocolSchemaFiles();

  it('is exactly what `npm run protocol:schemas` generates now', () => {
    expect(readdirSync(dir).sort()).toEqual([...generated.keys()].sort());
    for (const [name, content] of generated) expect(readFileSync(join(dir, name), 'utf8'), `${name} is stale: run npm run protocol:schemas`).toBe(content);
  });

  it('has a payload schema and a sender rule for every event type', () => {
    for (const type of Object.keys(eventPayloads)) {
      const schema = JSON.parse(generated.get(`${type}.json`) ?? '{}') as { title?: string; description?: string; type?: string };
      expect(schema.title).toBe(type);
      expect(schema.description?.length ?? 0).toBeGreaterThan(20);
      expect(generated.get('README.md')).toContain(`\`${type}\``);
    }
  });
});
