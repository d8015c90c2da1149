// How AWS words a constraint violation: constraint texts, value rendering and the message 
// (kinesalite's AWS-verified validation tests [K]; https://docs.aws.amazon.com/kinesis/latest/APIReference/CommonErrors.html).
import { javaDate } from '../errors/messages.js';
import { awsInteger, type Shape } from '../service-model/shapes.js';

export const NOT_NULL = 'Member must not be null';

export const constraintText = {
  pattern: (shape: Shape) => `Member must satisfy regular expression pattern: ${shape.pattern?.text ?? ''}`,
  minLength: (n: number) => `Member must have length greater than or equal to ${n}`,
  maxLength: (n: number) => `Member must have length less than or equal to ${n}`,
  min: (n: number) => `Member must have value greater than or equal to ${n}`,
  max: (n: number) => `Member must have value less than or equal to ${n}`,
  enum: (shape: Shape) => `Member must satisfy enum value set: [${shape.enum?.values.join(', ') ?? ''}]`,
  listMember: (member: Shape) => `Member must satisfy constraint: [${innerConstraints(member)}]`,
  mapKeys: (key: Shape) => `Map keys must satisfy constraint: [${innerConstraints(key)}]`,
  mapValues: (value: Shape) => `Map value must satisfy constraint: [${innerConstraints(value)}]`,
} as const;

/**
 * Every constraint of an element shape, as AWS lists them inside `[...]`: it prints all of them, not only
 * the failing ones, max before min [K TagKeys/Tags]; the place of pattern and enum in the list is [U].
 */
function innerConstraints(shape: Shape): string {
  const parts: string[] = [];
  if (shape.maxLength !== undefined) parts.push(constraintText.maxLength(shape.maxLength));
  if (shape.minLength !== undefined) parts.push(constraintText.minLength(shape.minLength));
  if (shape.max !== undefined) parts.push(constraintText.max(shape.max));
  if (shape.min !== undefined) parts.push(constraintText.min(shape.min));
  if (shape.pattern !== undefined) parts.push(constraintText.pattern(shape));
  if (shape.enum !== undefined) parts.push(constraintText.enum(shape));
  return parts.join(', ');
}

function integerText(value: number): string {
  return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
}

/** A value as AWS prints it inside the quotes: Java's `toString` of the deserialised member. */
export function renderValue(value: unknown, shape: Shape): string {
  if (value === undefined || value === null) return 'null';
  switch (shape.type) {
    case 'integer':
    case 'long':
      return integerText(awsInteger(value as number, shape.type));
    case 'blob': {
      const length = (value as Uint8Array).byteLength;
      return `java.nio.HeapByteBuffer[pos=0 lim=${length} cap=${length}]`;
    }
    case 'timestamp':
      return javaDate((value as Date).getTime());
    case 'list': {
      const member = shape.member ?? shape;
      return `[${(value as readonly unknown[]).map((element) => renderValue(element, member)).join(', ')}]`;
    }
    case 'map': {
      const entries = Object.entries(value as Record<string, unknown>);
      const valueShape = shape.value ?? shape;
      return `{${entries.map(([key, entry]) => `${key}=${renderValue(entry, valueShape)}`).join(', ')}}`;
    }
    case 'structure':
      return shape.javaToString ?? renderStructure(value as Record<string, unknown>, shape);
    default:
      return String(value);
  }
}

// Never constrained in the Kinesis model (structures are only ever "not null"); a readable fallback.
function renderStructure(value: Record<string, unknown>, shape: Shape): string {
  const parts: string[] = [];
  for (const member of shape.members ?? []) {
    const field = value[member.name];
    if (field !== undefined && field !== null) parts.push(`${member.name}: ${renderValue(field, member.shape)}`);
  }
  return `{${parts.join(',')}}`;
}

/** One entry: `Value <value> at '<path>' failed to satisfy constraint: <constraint>`. */
export function violation(value: unknown, shape: Shape, path: string, constraint: string): string {
  const shown = value === undefined || value === null ? 'null' : `'${renderValue(value, shape)}'`;
  return `Value ${shown} at '${path}' failed to satisfy constraint: ${constraint}`;
}

/** The ValidationException message for the collected entries. */
export function validationMessage(entries: readonly string[]): string {
  const n = entries.length;
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${entries.join('; ')}`;
}
