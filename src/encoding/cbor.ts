/** The CBOR codec's public face: AWS's `application/x-amz-cbor-1.1` bodies are one data item of this subset. */
export { decodeCbor } from './cbor-decode.js';
export { encodeCbor } from './cbor-encode.js';
export { CborError } from './cbor-error.js';
export { CBOR_MAX_NESTING, CborTag, type CborValue } from './cbor-value.js';
