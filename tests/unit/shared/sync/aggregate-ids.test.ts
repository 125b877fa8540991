import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { aggregateIdFits } from '@shared/sync/aggregate-ids';

const CODE = '310118520000';

describe('aggregate ids per event type (docs/PROTOCOL.md §3.2)', () => {
  it('takes each type\'s own form', () => {
    expect(aggregateIdFits('patrol.inspectionSaved', ulid())).toBe(true);
    expect(aggregateIdFits('migration.permitIssued', ulid())).toBe(true);
    expect(aggregateIdFits('sync.probe', `${CODE}:${ulid()}`)).toBe(true);
    expect(aggregateIdFits('roster.updated', 'roster')).toBe(true);
    expect(aggregateIdFits('audit.checkpoint', `${CODE}:1200`)).toBe(true);
    expect(aggregateIdFits('audit.checkpointHeld', `${CODE}:1200:330421520000`)).toBe(true);
    expect(aggregateIdFits('documents.revoked', `${CODE}:recordsCertificate:2026-000123`)).toBe(true);
  });

  it('refuses ids made up, of another kind, or with anything around them', () => {
    expect(aggregateIdFits('patrol.inspectionSaved', 'log-1')).toBe(false);
    expect(aggregateIdFits('patrol.inspectionSaved', `${ulid()}x`)).toBe(false);
    expect(aggregateIdFits('migration.permitIssued', ulid().toLowerCase())).toBe(false);
    expect(aggregateIdFits('sync.probe', ulid())).toBe(false);
    expect(aggregateIdFits('sync.probe', `${CODE}:${ulid()}\n`)).toBe(false);
    expect(aggregateIdFits('roster.updated', 'roster2')).toBe(false);
    expect(aggregateIdFits('audit.checkpoint', `${CODE}:-1`)).toBe(false);
    expect(aggregateIdFits('documents.revoked', `${CODE}:unknownType:1`)).toBe(false);
  });
});
