import { db, type TableSource } from '@renderer/platform/db';
import type { RequestRow } from '@shared/assist/state';

/** 协查 requests (schema version 18): raised here or addressed here, with every addressee's steps. */
export const ASSIST_REQUESTS = 'assistRequests';
export const ASSIST_TABLES = [ASSIST_REQUESTS];

/** A row as stored: the request's row plus whether this station has told the requester it received it. */
export interface StoredRequest extends RequestRow {
  receiptSent?: boolean;
}

export const requestsTable = (source: TableSource = db()) => source.table<StoredRequest, string>(ASSIST_REQUESTS);
