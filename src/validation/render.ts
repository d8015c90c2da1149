// How AWS words a constraint violation: constraint texts, value rendering and the message 
// (kinesalite's AWS-verified validation tests [K]; https://docs.aws.amazon.com/kinesis/latest/APIReference/CommonErrors.html).
import { MAX_ECHOED_VALUE_CHARS, echoed, javaDate } from '../errors/messages.js';
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

/**
 * A value as AWS prints it inside the quotes: Java's `toString` of the deserialised member, cut to
 * MAX_ECHOED_VALUE_CHARS (see `echoed`). Containers stop rendering once past the bound, so a huge list or
 * map costs no more than a short one.
 */
export function renderValue(value: unknown, shape: Shape): string {
  return echoed(render(value, shape, MAX_ECHOED_VALUE_CHARS));
}

/** `value` rendered, possibly stopped early once longer than `budget` characters. */
function render(value: unknown, shape: Shape, budget: number): string {
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
      const list = value as readonly unknown[];
      let text = '[';
      for (let i = 0; i < list.length && text.length <= budget; i++) {
        text += (i === 0 ? '' : ', ') + render(list[i], member, budget - text.length);
      }
      return `${text}]`;
    }
    case 'map': {
      const map = value as Record<string, unknown>;
      const valueShape = shape.value ?? shape;
      let text = '{';
      let first = true;
      for (const key in map) {
        if (text.length > budget) break;
        if (!Object.hasOwn(map, key)) continue;
        text += `${first ? '' : ', '}${key}=${render(map[key], valueShape, budget - text.length)}`;
        first = false;
      }
      return `${text}}`;
    }
    case 'structure':
      return shape.javaToString ?? renderStructure(value as Record<string, unknown>, shape);
    default: {
      // A slice of a flat string is O(1): a 54 MB partition key costs no copy.
      const text = String(value);
      return text.length > budget ? text.slice(0, budget + 1) : text;
    }
  }
}

// Never constrained in the Kinesis model (structures are only ever "not null"); a readable fallback.
function renderStructure(value: Record<string, unknown>, shape: Shape): string {
  const parts: string[] = [];
  for (const member of shape.members ?? []) {
    const field = value[member.name];
    if (field !== undefined && field !== null) parts.push(`${member.name}: ${render(field, member.shape, MAX_ECHOED_VALUE_CHARS)}`);
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
