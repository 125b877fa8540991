/**
 * Names on the exchange (docs/PROTOCOL.md §Exchange). Each author station has its own JetStream stream holding
 * what it sent, on one subject per recipient: `yrd.inbox.<recipient>.<author>`. A station may publish only on
 * subjects that end in its own code, so it can neither write into another author's stream nor use another author's
 * message-id space (JetStream de-duplicates per stream). Each recipient has one durable pull consumer, named after
 * it, on the stream of every neighbour, and its own reply-inbox prefix so no station can read another's replies.
 */
export const STREAM_PREFIX = 'YRD_FROM_';
export const INBOX_SUBJECT_PREFIX = 'yrd.inbox';
/** Server-side de-duplication window for message ids (Nats-Msg-Id), per author stream. */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

export const streamName = (author: string): string => `${STREAM_PREFIX}${author}`;
/** The subjects of an author's stream: one per recipient. */
export const authorSubjects = (author: string): string[] => [`${INBOX_SUBJECT_PREFIX}.*.${author}`];
export const inboxSubject = (recipient: string, author: string): string => `${INBOX_SUBJECT_PREFIX}.${recipient}.${author}`;
export const consumerName = (recipient: string): string => `inbox_${recipient}`;
export const replyInboxPrefix = (station: string): string => `_INBOX_${station}`;
/** Nats-Msg-Id of a batch: scoped by its author, so ids can never collide across authors. */
export const messageId = (author: string, batchId: string): string => `${author}:${batchId}`;
/** The author of a stream, or null for a stream that is not an author stream. */
export const authorOfStream = (stream: string): string | null => (stream.startsWith(STREAM_PREFIX) ? stream.slice(STREAM_PREFIX.length) : null);

/**
 * The API subjects a station must be allowed to publish to in order to find and read its own inbox consumers.
 * The stream token is a wildcard: a consumer named `inbox_<station>` exists only on the streams of that station's
 * neighbours, and only that station may use the name.
 */
export function ownInboxApiSubjects(station: string): string[] {
  const consumer = consumerName(station);
  return [
    '$JS.API.STREAM.NAMES',
    `$JS.API.CONSUMER.INFO.*.${consumer}`,
    `$JS.API.CONSUMER.MSG.NEXT.*.${consumer}`,
    `$JS.ACK.*.${consumer}.>`,
  ];
}
