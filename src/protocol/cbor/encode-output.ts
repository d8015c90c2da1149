// In-process outputs and errors -> AWS CBOR 1.1 bodies, as AWS answers the AWS SDK for Java v2.
import { encodeCbor } from '../../encoding/cbor.js';
import type { KinesisError } from '../../errors/kinesis-error.js';

const EMPTY = new Uint8Array(0);

/**
 * The CBOR body of an operation's output: a map with JSON's member names, Uint8Array as byte strings, Date as
 * tag 1 around INTEGER epoch milliseconds (the Java SDK reads them with Long.parseLong and fails on a float
 * [R https://github.com/localstack/localstack/issues/3134]), absent members left out. An output without
 * members is an empty body, as in JSON [K] (the SDK reads an empty body as an empty output).
 */
export function encodeOutput(output: unknown): Uint8Array {
  if (output === undefined || output === null || !hasMembers(output)) return EMPTY;
  return encodeCbor(output);
}

function hasMembers(output: object): boolean {
  for (const key in output) if ((output as Record<string, unknown>)[key] !== undefined) return true;
  return false;
}

/**
 * The CBOR payload of an event-stream message (SubscribeToShard): a structure as a map, `{}` included (an empty
 * map, 0xa0), with the conventions of outputs. [U] No capture of AWS's CBOR event payloads was found; this is the
 * plausible form (a CBOR client reads event payloads with the same reader as bodies).
 */
export function encodeStructure(structure: object): Uint8Array {
  return encodeCbor(structure);
}

/**
 * The CBOR body of an error: `{__type, message}` like JSON's, with JSON's one exception [K]: SerializationException
 * spells it `Message` ([U] for CBOR: Coral writes both formats from one error model), and no text, no member.
 */
export function encodeError(error: KinesisError): Uint8Array {
  const body: Record<string, string> = { __type: error.name };
  if (error.message !== '') body[error.name === 'SerializationException' ? 'Message' : 'message'] = error.message;
  return encodeCbor(body);
}
