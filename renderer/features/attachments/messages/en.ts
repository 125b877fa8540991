import type { AttachmentsMessages } from './zh-CN';

/** English: typed as the Chinese, so a missing or extra key is a type error. */
const en: AttachmentsMessages = {
  picker: {
    choose: 'Add photos or files',
    drop: 'Drop photos, CCTV stills or documents here',
    hint: 'Each file at most {fileMib} MB (photos are shrunk on this PC), at most {files} files, {totalMib} MB in all.',
    preparing: 'Preparing {name}…',
    remove: 'Remove',
    removeLabel: 'Remove attachment {name}',
  },
  refusal: {
    tooManyFiles: 'At most {limit} attachments',
    fileTooLarge: '“{name}” is still over {limit} MB after shrinking and was not added',
    totalTooLarge: 'Attachments may total at most {limit} MB; “{name}” was not added',
    sourceTooLarge: '“{name}” is over {limit} MB; compress or crop it first',
    emptyFile: '“{name}” is empty and was not added',
    unreadable: '“{name}” cannot be read as a picture and was not added',
    failed: '“{name}” could not be stored: {reason}',
    notSignedIn: 'Sign in to add attachments',
  },
  list: {
    empty: 'No attachments',
    open: 'View {name}',
    noThumbnail: 'File',
    size: '{size}',
    fromStation: 'Full file held by {station}',
  },
  viewer: {
    title: '{name}',
    fetching: 'Fetching the full file from {station}: {received}/{count} chunks received',
    waiting: 'Asked {station} for the full file, waiting for an answer…',
    offline: 'This PC is not connected to the exchange, so the full file cannot be fetched from {station}. What has arrived is kept; fetching resumes when the link returns.',
    unreachable: '{station} is not answering (it may be offline). The {received}/{count} chunks received are kept; once it is back only the missing ones are sent.',
    retry: 'Ask again for the missing parts',
    corrupt: 'The file received did not verify (SHA-256) and was discarded; fetch it again',
    refetch: 'Fetch again',
    verified: 'Verified (SHA-256)',
    download: 'Download the file',
    close: 'Close',
    failed: 'Fetching the full file failed: {reason}',
    notSignedIn: 'Sign in to fetch the full file',
  },
};

export default en;
