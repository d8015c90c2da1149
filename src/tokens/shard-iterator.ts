// Shard-iterator tokens: a sealed (opaque, tamper-evident) position in one shard of one stream incarnation.

import { asciiBytes, asciiString, type TokenSealer } from './sealed-token.js';

/** What an iterator carries. `position` is the absolute index of the next record to read. */
export interface IteratorState {
  createdAtMs: number;
  streamName: string;
  streamCreatedAtMs: number;
  incarnation: number;
  shardIndex: number;
  position: number;
}

const KIND = 0x49; // 'I': a sealed payload of another kind (a NextToken) is not an iterator
const FIXED = 1 + 8 + 8 + 4 + 4 + 8;

/** Encodes an iterator as a token. Stream names are ASCII by the model's pattern. */
export function encodeIterator(sealer: TokenSealer, state: IteratorState): string {
  const payload = new Uint8Array(FIXED + state.streamName.length);
  const view = new DataView(payload.buffer);
  payload[0] = KIND;
  view.setFloat64(1, state.createdAtMs);
  view.setFloat64(9, state.streamCreatedAtMs);
  view.setUint32(17, state.incarnation);
  view.setUint32(21, state.shardIndex);
  view.setFloat64(25, state.position);
  payload.set(asciiBytes(state.streamName), FIXED);
  return sealer.seal(payload);
}

/** The iterator in a token; undefined when the token is not one this engine issued. */
export function decodeIterator(sealer: TokenSealer, token: string): IteratorState | undefined {
  const payload = sealer.open(token);
  if (payload === undefined || payload.length <= FIXED || payload[0] !== KIND) return undefined;
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  return {
    createdAtMs: view.getFloat64(1),
    streamCreatedAtMs: view.getFloat64(9),
    incarnation: view.getUint32(17),
    shardIndex: view.getUint32(21),
    position: view.getFloat64(25),
    streamName: asciiString(payload.subarray(FIXED)),
  };
}
