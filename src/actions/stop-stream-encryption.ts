// StopStreamEncryption — https://docs.aws.amazon.com/kinesis/latest/APIReference/API_StopStreamEncryption.html

import type { Account } from '../model/account.js';
import type { EmptyOutput } from '../shapes/common.js';
import type { StopStreamEncryptionInput } from '../shapes/encryption.js';
import { changeEncryption } from './change-encryption.js';

/** [U] The KeyId need not match the stream's, and stopping an unencrypted stream is accepted (no change). */
export function stopStreamEncryption(account: Account, input: StopStreamEncryptionInput): EmptyOutput {
  changeEncryption(account, input, input.EncryptionType, input.KeyId, 'NONE');
  return {};
}
