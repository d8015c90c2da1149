// The AWS JSON 1.1 protocol of Kinesis (spec §13.1-13.2), transport-free: any adapter (the in-process AWS
// SDK handler, an HTTP endpoint) hands it the target header and body, and sends back what it returns.
import { KinesisError } from '../errors/kinesis-error.js';
import type { Kinesis } from '../kinesis.js';
import { encodeUtf8Into, utf8ByteLength } from '../encoding/utf8.js';
import { decodeInput } from './decode-input.js';
import { dispatch } from './dispatch.js';
import { encodeError } from './encode-error.js';
import { encodeOutput } from './encode-output.js';
import { operationFromTarget } from './operation-target.js';
import { RequestIdSequence } from './request-id.js';

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** What the protocol needs of a request: the X-Amz-Target header and the body (UTF-8 bytes or text). */
export interface JsonRequest {
  readonly target: string | undefined;
  readonly body: Uint8Array | string | undefined;
}

/** An HTTP response: header names are lower-case (HTTP ignores case; the AWS SDK's error path does not). */
export interface JsonResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
}

/** Serves JSON 1.1 requests from one engine. Request IDs count up per instance. */
export class JsonProtocol {
  readonly #kinesis: Kinesis;
  readonly #requestIds = new RequestIdSequence();

  constructor(kinesis: Kinesis) {
    this.#kinesis = kinesis;
  }

  /**
   * Answers one request: 200 with the output, or the AWS error (status, `__type`, message). Errors that
   * are not KinesisErrors are bugs in kinesim and are rethrown rather than dressed up as a 500
   * InternalFailure, so they surface with their stack instead of hiding behind a client's retries.
   */
  handle(request: JsonRequest): JsonResponse {
    const requestId = this.#requestIds.next();
    try {
      const operation = operationFromTarget(request.target);
      const input = decodeInput(operation, request.body);
      const output = dispatch(this.#kinesis, operation, input);
      return response(200, encodeOutput(output), requestId, undefined);
    } catch (error) {
      if (!(error instanceof KinesisError)) throw error;
      return response(error.statusCode, encodeError(error), requestId, error.name);
    }
  }
}

function response(statusCode: number, text: string, requestId: string, errorType: string | undefined): JsonResponse {
  const body = new Uint8Array(utf8ByteLength(text));
  encodeUtf8Into(text, body, 0);
  const headers: Record<string, string> = {
    'content-type': JSON_CONTENT_TYPE,
    'content-length': String(body.byteLength),
    'x-amzn-requestid': requestId,
  };
  // [U] AWS's use of x-amzn-ErrorType on Kinesis; clients read `__type` first and this header second.
  if (errorType !== undefined) headers['x-amzn-errortype'] = errorType;
  return { statusCode, headers, body };
}
