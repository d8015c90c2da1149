// StopStreamEncryption — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_StopStreamEncryption.html

import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../api-types/common.js';
import type { StopStreamEncryptionInput } from '../api-types/encryption.js';
import { changeEncryption } from './_internals/change-encryption.js';

/** [U] The KeyId need not match the stream's, and stopping an unencrypted stream is accepted (no change). */
export function stopStreamEncryption(account: Account, input: StopStreamEncryptionInput): EmptyOutput {
  changeEncryption(account, input, input.EncryptionType, input.KeyId, 'NONE');
  return {};
}
