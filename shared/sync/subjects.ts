/**
 * Names on the exchange (docs/PROTOCOL.md §Subjects). One JetStream stream holds every station's inbox subject;
 * each station has one durable pull consumer filtered to its own inbox, and its own reply-inbox prefix so that
 * no station can subscribe to another's replies.
 */
export const STREAM_NAME = 'YRD_EXCHANGE';
export const INBOX_SUBJECT_PREFIX = 'yrd.inbox';
export const STREAM_SUBJECTS = [`${INBOX_SUBJECT_PREFIX}.*`];
/** Server-side de-duplication window for batch ids (Nats-Msg-Id). */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Batches wait on the exchange at most this long for a station that stays offline. */
export const STREAM_MAX_AGE_MS = 60 * 24 * 60 * 60 * 1000;

export const inboxSubject = (station: string): string => `${INBOX_SUBJECT_PREFIX}.${station}`;
export const consumerName = (station: string): string => `inbox_${station}`;
export const replyInboxPrefix = (station: string): string => `_INBOX_${station}`;

/** The subjects a station must be allowed to publish to in order to read its own inbox through JetStream. */
export function ownInboxApiSubjects(station: string): string[] {
  const consumer = consumerName(station);
  return [
    `$JS.API.CONSUMER.INFO.${STREAM_NAME}.${consumer}`,
    `$JS.API.CONSUMER.MSG.NEXT.${STREAM_NAME}.${consumer}`,
    `$JS.ACK.${STREAM_NAME}.${consumer}.>`,
  ];
}
