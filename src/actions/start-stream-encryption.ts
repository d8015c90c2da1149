// StartStreamEncryption — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_StartStreamEncryption.html

import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../api-types/common.js';
import type { StartStreamEncryptionInput } from '../api-types/encryption.js';
import { changeEncryption } from './_internals/change-encryption.js';

/** [U] Starting again on an encrypted stream is accepted and switches to the new KeyId. */
export function startStreamEncryption(account: Account, input: StartStreamEncryptionInput): EmptyOutput {
  changeEncryption(account, input, input.EncryptionType, input.KeyId, 'KMS');
  return {};
}
