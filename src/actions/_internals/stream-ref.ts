// Resolving the stream a request names (StreamName, StreamARN or both), as every stream action does.

import { InvalidArgumentException, ResourceNotFoundException } from '../../errors/kinesis-error.js';
import { msg } from '../../errors/messages.js';
import type { Account } from '../../model/account.js';
import type { Stream } from '../../model/stream.js';
import type { StreamRef } from '../../api-types/common.js';

const ARN = /^arn:([^:]+):kinesis:([^:]*):(\d{12}):stream\/([^/]+)$/;

/** The stream a StreamName/StreamARN pair names, and the account and region its ARN points at. */
export interface ResolvedRef {
  name: string;
  partition: string;
  accountId: string;
  region: string;
}

/**
 * Works out which stream a request means without looking it up.
 * @throws InvalidArgumentException when neither member is given, or the two name different streams.
 */
export function resolveRef(account: Account, ref: StreamRef): ResolvedRef {
  const { StreamName: name, StreamARN: arn } = ref;
  if (arn === undefined || arn === null) {
    if (name === undefined || name === null) throw new InvalidArgumentException(msg.streamNameOrArnRequired());
    return { name, partition: account.partition, accountId: account.accountId, region: account.region };
  }
  const parts = ARN.exec(arn);
  // A well-formed ARN of a different resource type (a consumer ARN) names no stream.
  if (parts === null) throw new ResourceNotFoundException(msg.streamNotFound(arn, account.accountId));
  const resolved = { name: parts[4]!, partition: parts[1]!, region: parts[2]!, accountId: parts[3]! };
  if (name !== undefined && name !== null && name !== resolved.name) {
    throw new InvalidArgumentException(msg.streamNameArnMismatch(name, arn));
  }
  return resolved;
}

/** Finds a live stream (any status) or answers undefined; `ref` must be resolved. */
export function lookupStream(account: Account, ref: ResolvedRef): Stream | undefined {
  if (ref.accountId !== account.accountId || ref.region !== account.region || ref.partition !== account.partition) {
    return undefined;
  }
  return account.streams.get(ref.name);
}

/**
 * The stream a request names, in any status.
 * @throws InvalidArgumentException for a missing or inconsistent reference
 * @throws ResourceNotFoundException when no such stream exists
 */
export function findStream(account: Account, ref: StreamRef): Stream {
  const resolved = resolveRef(account, ref);
  const stream = lookupStream(account, resolved);
  if (stream === undefined) throw new ResourceNotFoundException(msg.streamNotFound(resolved.name, resolved.accountId));
  return stream;
}
