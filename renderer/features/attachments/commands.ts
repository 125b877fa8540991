import Dexie, { type Transaction } from 'dexie';
import { ulid } from 'ulid';
import { attachmentRef, chunkCount, missingChunks, type AttachmentRef } from '@shared/attachments';
import { sha256Hex } from '@shared/sync/keys';
import { db } from '@renderer/platform/db';
import { signingStation } from '@renderer/platform/station';
import { runCommand } from '@renderer/sync';
import { ATTACHMENT_TABLES, chunksTable, fetchesTable, filesTable } from './tables';

/** `province:警号` of the officer the write is recorded under. */
export type OfficerKey = string;

/** A file as this PC prepared it (an image already shrunk and thumbnailed): what is stored and sent. */
export interface PreparedFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
  thumbnail: string;
}

/**
 * Keeps a prepared file in this station's sealed store and returns its ref: the full file stays here and is
 * sent, in chunks, only to a station that asks for it (attachment.requested). Audited.
 */
export async function storeAttachment(file: PreparedFile, officer: OfficerKey, database: Dexie = db()): Promise<AttachmentRef> {
  const { identity } = await signingStation(database);
  const ref = attachmentRef.parse({
    id: ulid(),
    name: file.name,
    mime: file.mime,
    size: file.bytes.length,
    sha256: sha256Hex(file.bytes),
    thumbnail: file.thumbnail,
    ownerStation: identity.code,
  });
  await runCommand({
    database,
    tables: [ATTACHMENT_TABLES.files],
    work: async ({ tx, audit }) => {
      await filesTable(tx).put({ ...ref, bytes: file.bytes, storedAt: new Date().toISOString() });
      audit({ station: identity.code, officer, action: 'attachment.store', object: ref.id, result: 'success', detail: `${ref.mime} ${ref.size}` });
    },
  });
  return ref;
}

/** The chunk indexes of `fileId` this station holds so far. */
export async function heldChunks(source: Transaction | Dexie, fileId: string): Promise<number[]> {
  const keys = await chunksTable(source).where('[fileId+index]').between([fileId, Dexie.minKey], [fileId, Dexie.maxKey]).primaryKeys();
  return keys.map(([, index]) => index);
}

export type FetchOutcome = 'local' | 'requested';

/**
 * 获取原图/原件: asks the station holding the file for the chunks this station still lacks (all of them the first
 * time; after a broken link only the missing ones: chunks already stored are kept). The request waits in the
 * outbox while there is no link. Audited.
 */
export async function requestAttachment(input: AttachmentRef, officer: OfficerKey, database: Dexie = db()): Promise<FetchOutcome> {
  const ref = attachmentRef.parse(input);
  const { identity } = await signingStation(database);
  if (ref.ownerStation === identity.code) return 'local';
  return runCommand({
    database,
    tables: [ATTACHMENT_TABLES.files, ATTACHMENT_TABLES.chunks, ATTACHMENT_TABLES.fetches],
    emits: true,
    work: async ({ tx, audit, emit }): Promise<FetchOutcome> => {
      if (await filesTable(tx).get(ref.id)) return 'local';
      const count = chunkCount(ref.size);
      const missing = missingChunks(count, await heldChunks(tx, ref.id));
      const now = new Date().toISOString();
      const previous = await fetchesTable(tx).get(ref.id);
      await fetchesTable(tx).put({
        id: ref.id,
        ownerStation: ref.ownerStation,
        name: ref.name,
        mime: ref.mime,
        size: ref.size,
        sha256: ref.sha256,
        count,
        status: 'fetching',
        requestedAt: now,
        asked: missing,
        lastChunkAt: previous?.lastChunkAt ?? null,
      });
      audit({ station: identity.code, officer, action: 'attachment.request', object: ref.id, result: 'success', detail: `${ref.ownerStation} ${missing.length}/${count}` });
      emit({ type: 'attachment.requested', aggregateId: ref.id, recipients: [ref.ownerStation], payload: { fileId: ref.id, sha256: ref.sha256, size: ref.size, missing }, officer });
      return 'requested';
    },
  });
}

/** The stored file, if this station holds it whole (its own, or fetched and verified). */
export async function storedFile(id: string, database: Dexie = db()): Promise<{ name: string; mime: string; bytes: Uint8Array } | null> {
  const row = await filesTable(database).get(id);
  return row ? { name: row.name, mime: row.mime, bytes: row.bytes } : null;
}
