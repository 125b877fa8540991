export {
  ATTACHMENT_LIMITS,
  IMAGE_JPEG_QUALITY,
  IMAGE_MAX_SIDE,
  SHRINKABLE_IMAGE_TYPES,
  SOURCE_MAX_BYTES,
  THUMBNAIL_MAX_CHARS,
  THUMBNAIL_MAX_SIDE,
  fitWithin,
  isShrinkableImage,
  refuseAddition,
  withinLimits,
} from './limits';
export type { AttachmentRefusal } from './limits';
export { attachmentRef, attachmentRefs, attachmentThumbnail } from './ref';
export type { AttachmentRef } from './ref';
export { CHUNK_BYTES, CHUNK_MAX_BASE64, MAX_CHUNKS, assembleChunks, base64Length, chunkCount, chunkLength, chunkRange, missingChunks, sliceChunk } from './chunks';
export { attachmentChunk, attachmentEvents, attachmentRequested } from './events';
export type { AttachmentChunkPayload, AttachmentRequestedPayload } from './events';
