import type Dexie from 'dexie';
import { ZodError } from 'zod';
import {
  documentKey,
  issueDocument,
  signRevocation,
  verifyDocument,
  type DocumentType,
  type RevocationReason,
  type StatementInput,
  type Verification,
} from '@shared/documents';
import { recipientGroups } from '@shared/sync/event';
import { neighboursOf } from '@shared/sync/roster';
import { db } from '@renderer/platform/db';
import { NoStationKeyError, signingStation } from '@renderer/platform/station';
import { loadTrust, peersTable, runCommand } from '@renderer/sync';
import { REVOCATIONS_TABLE, revocationsTable } from './tables';

/** The officer a verification or revocation is recorded under: `province:警号`. */
export type OfficerKey = string;

/** The QR text of a document this station prints, signed with its key at print time (Ed25519 is deterministic). */
export async function documentQrText(input: StatementInput, database: Dexie = db()): Promise<string> {
  const { key } = await signingStation(database);
  return issueDocument(input, key.secretKey).text;
}

/**
 * What a printed document's QR slot shows: the code; nothing, for a station without a key (by design: no false
 * code); or, when the document's own facts fail the statement's schema, the fields at fault — a bug to report,
 * never a silently missing code.
 */
export type DocumentQrOutcome = { kind: 'drawn'; text: string } | { kind: 'noKey' } | { kind: 'invalid'; fields: string[] };

export async function documentQr(input: StatementInput, database: Dexie = db()): Promise<DocumentQrOutcome> {
  try {
    return { kind: 'drawn', text: await documentQrText(input, database) };
  } catch (error) {
    if (error instanceof NoStationKeyError) return { kind: 'noKey' };
    if (error instanceof ZodError) return { kind: 'invalid', fields: [...new Set(error.issues.map((issue) => issue.path.join('.') || '—'))] };
    throw error;
  }
}

/** What the 核验 screen shows beside the verdict: how fresh the issuer's revocations are here. */
export interface Checked {
  verification: Verification;
  /** When this station last received anything from the issuing station (null: never; this station: now). */
  issuerLastHeard: string | null;
  self: boolean;
}

const verdictDetail = (v: Verification): string =>
  [v.statement ? `${v.statement.issuingStation}:${v.statement.type}:${v.statement.number}` : '', v.reason ?? '', v.issuerKey === 'previous' ? 'previousKey' : '']
    .filter((x) => x !== '')
    .join(' ');

/**
 * 核验: verifies a scanned, pasted or decoded QR text offline against the roster this station trusts and the
 * revocations it holds, and audits the check (who checked what, and the verdict) in the same step.
 */
export async function verifyScanned(text: string, officer: OfficerKey, database: Dexie = db()): Promise<Checked> {
  const [trust, revocations, self] = await Promise.all([loadTrust(database), revocationsTable(database).toArray(), signingStation(database)]);
  const verification = verifyDocument(text, {
    roster: { stations: trust.roster?.roster.stations ?? [] },
    revocations: revocations.map((r) => r.signed),
    now: new Date(),
  });
  const issuer = verification.statement?.issuingStation ?? null;
  const isSelf = issuer === self.identity.code;
  const peer = issuer && !isSelf ? await peersTable(database).get(issuer) : undefined;
  await runCommand({
    database,
    tables: [],
    work: async ({ audit }) => {
      audit({ station: self.identity.code, officer, action: 'document.verify', object: issuer ?? '-', result: verification.verdict === 'genuine' ? 'success' : 'failure', detail: `${verification.verdict} ${verdictDetail(verification)}` });
    },
  });
  return { verification, issuerLastHeard: isSelf ? new Date().toISOString() : (peer?.lastReceivedAt ?? null), self: isSelf };
}

export interface RevokeRequest {
  type: DocumentType;
  number: string;
  reason: RevocationReason;
}

/**
 * 作废: this station revokes one of its own printed documents. The signed revocation is kept here and sent to
 * every neighbour in the roster (`documents.revoked`), in one command with its audit entry. Revoking twice keeps
 * the first.
 */
export async function revokeDocument(request: RevokeRequest, officer: OfficerKey, database: Dexie = db()): Promise<void> {
  const { identity, key } = await signingStation(database);
  const trust = await loadTrust(database);
  const recipients = trust.roster ? neighboursOf(trust.roster.roster, identity.code).map((s) => s.code) : [];
  const docKey = documentKey({ issuingStation: identity.code, type: request.type, number: request.number });
  await runCommand({
    database,
    tables: [REVOCATIONS_TABLE],
    emits: true,
    work: async ({ tx, audit, emit }) => {
      if (await revocationsTable(tx).get(docKey)) return;
      const at = new Date().toISOString();
      const signed = signRevocation({ documentType: request.type, number: request.number, issuingStation: identity.code, reason: request.reason, revokedAt: at, officer }, key.secretKey);
      await revocationsTable(tx).put({ key: docKey, issuingStation: identity.code, signed, at });
      audit({ station: identity.code, officer, action: 'document.revoke', object: docKey, result: 'success', detail: request.reason });
      for (const group of recipientGroups(recipients)) emit({ type: 'documents.revoked', aggregateId: docKey, recipients: group, payload: signed, officer });
    },
  });
}

/** This station's revocation of a document, if any (the print view shows 已作废). */
export async function revocationOf(type: DocumentType, number: string, database: Dexie = db()): Promise<RevocationReason | null> {
  const { identity } = await signingStation(database);
  const row = await revocationsTable(database).get(documentKey({ issuingStation: identity.code, type, number }));
  return row?.signed.reason ?? null;
}
