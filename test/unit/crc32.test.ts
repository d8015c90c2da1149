// CRC-32 (IEEE 802.3, zlib's) on its published check values.
import { describe, it, expect } from 'vitest';
import { crc32 } from '../../src/encoding/crc32.js';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('crc32', () => {
  it('gives the catalogued check value for "123456789" and 0 for no bytes', () => {
    // The CRC-32/ISO-HDLC entry of the CRC RevEng catalogue: check=0xcbf43926.
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(new Uint8Array(0), 0xcbf43926)).toBe(0xcbf43926);
  });

  it('matches well-known values across the 8-byte fast path and its tail', () => {
    expect(crc32(ascii('a'))).toBe(0xe8b7be43);
    expect(crc32(ascii('abc'))).toBe(0x352441c2);
    expect(crc32(ascii('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
    expect(crc32(new Uint8Array(32))).toBe(0x190a55ad);
    expect(crc32(new Uint8Array(32).fill(0xff))).toBe(0xff6cab0b);
  });

  it('returns an unsigned 32-bit integer', () => {
    const value = crc32(ascii('123456789'));
    expect(value).toBeGreaterThan(2 ** 31);
    expect(Number.isInteger(value)).toBe(true);
  });
});
