// The PutRecords entry reader (names written out, for speed) answers exactly what the generic flat path answers:
// the same plain copy, or the same exception with the same message, for any entry, valid or not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KinesisError } from '../../src/errors/kinesis-error.js';
import { PUT_RECORDS_REQUEST_ENTRY } from '../../src/service-model/kinesis-shapes.js';
import { list, required, structure } from '../../src/service-model/shapes.js';
import { isPutRecordsEntry } from '../../src/validation/put-records-entries.js';
import { validateInput } from '../../src/validation/validate.js';

const specialised = structure([required('Records', list(PUT_RECORDS_REQUEST_ENTRY, { minLength: 1, maxLength: 500 }))]);
// The same members in a structure of its own: the reader does not recognise it, so the generic path runs.
const twin = structure(PUT_RECORDS_REQUEST_ENTRY.members!, PUT_RECORDS_REQUEST_ENTRY.javaToString);
const generic = structure([required('Records', list(twin, { minLength: 1, maxLength: 500 }))]);

function outcome(shape: typeof generic, input: unknown): unknown {
  try {
    return { copy: validateInput(shape, input) };
  } catch (error) {
    if (error instanceof KinesisError) return { name: error.name, message: error.message };
    throw error;
  }
}

const detached = () => {
  const data = new Uint8Array(2);
  structuredClone(data.buffer, { transfer: [data.buffer] });
  return data;
};

// Mostly valid values, so that one bad member is often the only thing wrong with a request.
const junk = fc.oneof(fc.integer(), fc.boolean(), fc.constant(new Date(0)), fc.constant([]), fc.constant({}), fc.uint8Array({ maxLength: 2 }));
const key = fc.oneof(
  { weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom('k'.repeat(256), 'k'.repeat(257), '', undefined, null) },
  { weight: 1, arbitrary: junk },
);
const explicitHashKey = fc.oneof(
  { weight: 8, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('01', '', '1'.repeat(40), '340282366920938463463374607431768211456', null) },
  { weight: 1, arbitrary: junk },
);
const data = fc.oneof(
  { weight: 8, arbitrary: fc.uint8Array({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(new Uint8Array(0), null, undefined, 'aGk=', 7) },
);
const entry = fc.oneof(
  { weight: 20, arbitrary: fc.record({ Data: data, ExplicitHashKey: explicitHashKey, PartitionKey: key }) },
  { weight: 2, arbitrary: fc.record({ Data: data, PartitionKey: key }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.constantFrom(null, 'x', []) },
);

describe('readPutRecordsEntry', () => {
  it("is the reader of the model's PutRecords entries (so the property below covers it)", () => {
    expect(isPutRecordsEntry(PUT_RECORDS_REQUEST_ENTRY)).toBe(true);
    expect(isPutRecordsEntry(twin)).toBe(false);
  });

  it('answers what the generic path answers, for any entries', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 4 }), (records) => {
        expect(outcome(specialised, { Records: records })).toEqual(outcome(generic, { Records: records }));
      }),
      { numRuns: 2000 },
    );
  });

  it('treats a detached Data like the generic path', () => {
    const records = [{ Data: detached(), PartitionKey: 'k' }];
    expect(outcome(specialised, { Records: records })).toEqual(outcome(generic, { Records: records }));
  });
});
