import type Dexie from 'dexie';

/** 附件 (schema v19). All four are sealed at rest but their keys (platform/db/sealed-tables.ts, docs/security.md). */
export const ATTACHMENT_TABLES = {
  files: 'attachmentFiles',
  chunks: 'attachmentChunks',
  fetches: 'attachmentFetches',
  served: 'attachmentServed',
} as const;

/** A stored file: this station's own (as prepared on this PC), or one fetched whole from its owner and verified. */
export interface FileRow {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  thumbnail: string;
  ownerStation: string;
  bytes: Uint8Array;
  storedAt: string;
}

/** A chunk of another station's file, kept as it arrives until the file is whole. */
export interface ChunkRow {
  fileId: string;
  index: number;
  data: Uint8Array;
  at: string;
}

/**
 * This station fetching another's file: what the ref promised (size, sha256, owner), so every chunk is checked
 * against it; a chunk of a file with no fetch here is refused.
 */
export interface FetchRow {
  id: string;
  ownerStation: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  count: number;
  status: 'fetching' | 'complete' | 'corrupt';
  requestedAt: string;
  /** The chunk indexes the last request asked for. */
  asked: number[];
  lastChunkAt: string | null;
}

/** Owner side, per file and asker: each chunk's last event and how often it was sent (at most SERVE_MAX_TIMES). */
export interface ServedRow {
  id: string;
  sent: Record<string, { eventId: string; times: number }>;
}

export const servedId = (fileId: string, peer: string): string => `${fileId}:${peer}`;

type Source = Pick<Dexie, 'table'>;
export const filesTable = (source: Source) => source.table<FileRow, string>(ATTACHMENT_TABLES.files);
export const chunksTable = (source: Source) => source.table<ChunkRow, [string, number]>(ATTACHMENT_TABLES.chunks);
export const fetchesTable = (source: Source) => source.table<FetchRow, string>(ATTACHMENT_TABLES.fetches);
export const servedTable = (source: Source) => source.table<ServedRow, string>(ATTACHMENT_TABLES.served);
