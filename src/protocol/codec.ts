// The seam between the engine's wire face and one wire format: a codec turns request bodies into operation
// inputs, and outputs and errors into bodies. Target parsing, dispatch, error mapping and request IDs are
// shared by every codec (wire-protocol.ts); JSON 1.1 is the first (json/json-codec.ts).

import type { KinesisError } from '../errors/kinesis-error.js';
import type { OperationName } from '../operations/registry.js';

/** One wire format of the Kinesis API (AWS JSON 1.1 today; CBOR next). */
export interface Codec {
  /** The media type of the requests it reads and of the answers it writes. */
  readonly contentType: string;
  /**
   * The input of `operation` a request body carries, as the Kinesis methods take it (blobs as Uint8Array,
   * timestamps as Date, absent members left out). Constraints are left to the validator.
   * @throws SerializationException (or another KinesisError) when the body cannot be read as that input.
   */
  decodeInput(operation: OperationName, body: Uint8Array | string | undefined): Record<string, unknown>;
  /** The body of a successful answer of `operation` (empty when the output has no members). */
  encodeOutput(operation: OperationName, output: unknown): Uint8Array;
  /** The body of an error answer. */
  encodeError(error: KinesisError): Uint8Array;
  /** The `:content-type` header of the event-stream messages it encodes (SubscribeToShard). */
  readonly eventContentType: string;
  /**
   * The payload of one event-stream message: a structure (a SubscribeToShardEvent, an exception's `{message}`,
   * the initial response's `{}`) in this format, `{}` included.
   */
  encodeEvent(payload: object): Uint8Array;
  /** Whether `body` is a well-formed document of this format whatever its members (the HTTP edge asks before auth). */
  isDocument(body: Uint8Array): boolean;
}
