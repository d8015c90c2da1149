// AWS CBOR 1.1 (`application/x-amz-cbor-1.1`), the default protocol of the AWS SDK for Java v1 and v2 and so of
// the KCL and the KPL's Java side [C aws-sdk-java-v2 services/kinesis customization.config: "protocol": "cbor"].
import type { Codec } from '../codec.js';
import { decodeInput, parseBody } from './decode-input.js';
import { encodeError, encodeOutput, encodeStructure } from './encode-output.js';

export const CBOR_CONTENT_TYPE = 'application/x-amz-cbor-1.1';

export const CBOR_CODEC: Codec = {
  contentType: CBOR_CONTENT_TYPE,
  decodeInput,
  encodeOutput: (_operation, output) => encodeOutput(output),
  encodeError,
  // [U] The event messages' :content-type for CBOR clients: the body's media type.
  eventContentType: CBOR_CONTENT_TYPE,
  encodeEvent: encodeStructure,
  isDocument: (body) => parseBody(body) !== undefined,
};
