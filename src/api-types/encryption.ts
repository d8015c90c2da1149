// Server-side encryption shapes, as in the AWS SDK v3 client.

import type { EncryptionType, StreamRef } from './common.js';

export interface StartStreamEncryptionInput extends StreamRef {
  EncryptionType: EncryptionType;
  /** A KMS key ID, key ARN, alias name or alias ARN; stored and echoed (no KMS is consulted). */
  KeyId: string;
}

export interface StopStreamEncryptionInput extends StreamRef {
  EncryptionType: EncryptionType;
  KeyId: string;
}
