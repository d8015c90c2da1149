// SnapshotError: why a snapshot could not be restored (or taken). Not an AWS exception: no AWS call makes one.

/** A snapshot that cannot be restored: not a snapshot, truncated, corrupt, of a newer format, or for another secret. */
export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}
