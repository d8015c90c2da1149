// SerializationException texts for a member of the wrong type [K]
// (kinesalite's AWS-verified tests; the wire carries them as JSON 1.1 SerializationException bodies).
import { SerializationException } from '../errors/kinesis-error.js';
import { echoed } from '../errors/messages.js';
import type { MemberType } from '../service-model/shapes.js';
import { isBlob, isDate } from '../service-model/value-kinds.js';

const LIST_FOUND = 'Start of list found where not expected';
const OBJECT_FOUND = 'Start of structure or map found where not expected.';
const NUMBER_CLASS = 'class com.amazon.coral.value.json.numbers.TruncatingBigNumber';
const BOOLEAN_CLASS = 'class java.lang.Boolean';
const STRING_CLASS = 'class java.lang.String';

/** What an in-process value is, as far as the type pass cares. */
type Kind = 'boolean' | 'number' | 'bigint' | 'string' | 'list' | 'date' | 'blob' | 'object';

function kindOf(value: unknown): Kind {
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'bigint':
      return 'bigint';
    case 'string':
      return 'string';
    default:
      if (Array.isArray(value)) return 'list';
      if (isDate(value)) return 'date';
      if (isBlob(value)) return 'blob';
      return 'object';
  }
}

/**
 * The words for "expected <type>, got <value>". The wire cannot carry some in-process mistakes (a Date or a
 * Uint8Array where a string is expected, a number for a timestamp, a string for a blob), so the rule is:
 * a Date or Uint8Array is a structure where another scalar is expected and a scalar where a container is
 * expected; the remaining gaps borrow AWS's `class <java class> can not be converted to <type>` form [U].
 */
function message(expected: MemberType, value: unknown): string {
  const kind = kindOf(value);
  if (kind === 'list' && expected !== 'list') return LIST_FOUND;
  switch (expected) {
    case 'list':
      return kind === 'object' ? OBJECT_FOUND : 'Expected list or null';
    case 'map':
      return 'Expected map or null';
    case 'structure':
      return 'Expected null';
    default:
      return scalarMessage(expected, kind, value);
  }
}

function scalarMessage(expected: MemberType, kind: Kind, value: unknown): string {
  // An invalid Date is reported like a string: its JSON form is not a number.
  if (kind === 'date' && expected === 'timestamp') return `${STRING_CLASS} can not be converted to milliseconds since epoch`;
  if (kind === 'object' || kind === 'date' || kind === 'blob') return OBJECT_FOUND;
  switch (expected) {
    case 'string':
      return `${kind === 'boolean' ? BOOLEAN_CLASS : NUMBER_CLASS} can not be converted to an String`;
    case 'integer':
    case 'long': {
      const type = expected === 'integer' ? 'Integer' : 'Long';
      if (kind === 'boolean') return `${BOOLEAN_CLASS} can not be converted to an ${type}`;
      // A bigint would be a JSON number on the wire, but the engine computes with JS numbers only.
      if (kind === 'bigint') return `class java.math.BigInteger can not be converted to an ${type}`;
      // A string, or a non-finite number (the SDK's JSON serializer writes NaN and Infinity as strings).
      return `${STRING_CLASS} can not be converted to an ${type}`;
    }
    case 'boolean':
      return kind === 'string'
        ? `'${echoed(value as string).toUpperCase()}' can not be converted to an Boolean`
        : `${NUMBER_CLASS} can not be converted to an Boolean`;
    case 'blob':
      return `${classOf(kind)} can not be converted to a Blob`;
    case 'timestamp':
      return `${classOf(kind)} can not be converted to milliseconds since epoch`;
    default:
      return OBJECT_FOUND;
  }
}

function classOf(kind: Kind): string {
  if (kind === 'boolean') return BOOLEAN_CLASS;
  if (kind === 'string') return STRING_CLASS;
  return NUMBER_CLASS;
}

/** The exception for a value of the wrong type where a member of type `expected` was declared. */
export function typeError(expected: MemberType, value: unknown): SerializationException {
  return new SerializationException(message(expected, value));
}
