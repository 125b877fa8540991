/** Bytes as an officer reads them: B, KB or MB (one decimal). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A limit in whole MiB, for the messages. */
export const mib = (bytes: number): number => Math.round(bytes / (1024 * 1024));
