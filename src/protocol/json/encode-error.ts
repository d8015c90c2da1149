// KinesisError -> JSON 1.1 error body (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html).
import type { KinesisError } from '../../errors/kinesis-error.js';

/**
 * The JSON text of an error: `{"__type":"<Name>","message":"<text>"}`, except that SerializationException
 * spells it "Message", and an error without text has no message member at all [K].
 */
export function encodeError(error: KinesisError): string {
  const body: Record<string, string> = { __type: error.name };
  if (error.message !== '') body[error.name === 'SerializationException' ? 'Message' : 'message'] = error.message;
  return JSON.stringify(body);
}
