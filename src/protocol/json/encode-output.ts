// In-process outputs -> JSON 1.1 response bodies (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html).
import { writeJson } from '../../encoding/json-writer.js';

const EMPTY = new Uint8Array(0);
const EMPTY_OBJECT = 2; // `{}`

/**
 * The JSON body of an operation's output, as UTF-8: Uint8Array as base64, Date as epoch seconds with millisecond
 * precision (a JSON number), absent members omitted. An output without members is the empty body: AWS answers
 * no-output operations with an empty body [K]; it may send `{}` for an output-bearing operation whose members are
 * all absent [U], which clients read the same way.
 */
export function encodeOutput(output: unknown): Uint8Array {
  if (output === undefined) return EMPTY;
  const body = writeJson(output);
  return body.byteLength === EMPTY_OBJECT && body[0] === 0x7b ? EMPTY : body;
}

/** The JSON body of a structure with the same conventions, `{}` kept: an event-stream payload. */
export function encodeStructure(structure: object): Uint8Array {
  return writeJson(structure);
}
