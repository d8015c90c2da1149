// The S3 output key template of a channel: its rules, and the key it renders for one delivered object
// (https://docs.aws.amazon.com/streams/latest/dev/data-delivery-s3-key-template.html).

/** The template used when a channel names none [D][M: the SDK's CreateChannel example shows it filled in]. */
export const DEFAULT_OUTPUT_KEY_TEMPLATE =
  'kinesis-channel/!{channel-name}/!{channel-id}/!{yyyy}/!{MM}/!{dd}/!{HH}/' +
  '!{channel-name}-!{channel-id}-!{yyyy}-!{MM}-!{dd}-!{HH}-!{mm}!{extension}';

/**
 * The variables a template may use: those of the developer guide's default template, plus !{stream-name} and
 * !{yy} that AWS's CloudFormation reference lists [D]. Time variables are UTC of the delivery time [U].
 */
export const KEY_TEMPLATE_VARIABLES: readonly string[] = [
  'channel-name',
  'channel-id',
  'stream-name',
  'yyyy',
  'yy',
  'MM',
  'dd',
  'HH',
  'mm',
  'extension',
];

const VARIABLE = /!\{([^}]*)\}/g;

/**
 * Why a template cannot be used, or undefined when it can. [U] Kinesis does not publish its rules; these are
 * the structural rules of the sibling Amazon MSK delivery feature (no path traversal, no leading or trailing
 * '/', balanced and known variables), without MSK's uniqueness token, since Kinesis appends a unique suffix
 * itself (https://docs.aws.amazon.com/msk/latest/developerguide/msk-data-delivery-s3-template-rules.html).
 */
export function keyTemplateProblem(template: string): string | undefined {
  if (template.includes('..') || template.includes('./')) return 'it must not contain .. or ./';
  if (template.startsWith('/')) return 'it must not start with /';
  if (template.endsWith('/')) return 'it must not end with /';
  const literal = template.replace(VARIABLE, '');
  if (literal.includes('!{') || literal.includes('{') || literal.includes('}')) return 'every !{ needs a matching }';
  for (const match of template.matchAll(VARIABLE)) {
    if (!KEY_TEMPLATE_VARIABLES.includes(match[1]!)) return `!{${match[1]!}} is not a known variable`;
  }
  return undefined;
}

/** What a key is rendered from. */
export interface KeyValues {
  readonly channelName: string;
  readonly channelId: string;
  readonly streamName: string;
  /** The delivery time (epoch ms); the time variables are its UTC fields. */
  readonly atMs: number;
  /** The file extension of the object's format and compression, e.g. '.json.gz'. */
  readonly extension: string;
  /** The object's unique suffix (see uniqueSuffix). */
  readonly suffix: string;
}

/**
 * The key of one object. [U] Where AWS puts its unique suffix is not public: kinesim puts it right before a
 * trailing !{extension} (so the key keeps its extension), otherwise at the very end.
 */
export function renderKey(template: string, values: KeyValues): string {
  const trailing = '!{extension}';
  const withSuffix = template.endsWith(trailing)
    ? `${template.slice(0, -trailing.length)}\u0000${trailing}`
    : `${template}\u0000`;
  const d = new Date(values.atMs);
  const two = (n: number) => String(n).padStart(2, '0');
  const year = String(d.getUTCFullYear()).padStart(4, '0');
  const fields: Readonly<Record<string, string>> = {
    'channel-name': values.channelName,
    'channel-id': values.channelId,
    'stream-name': values.streamName,
    yyyy: year,
    yy: year.slice(-2),
    MM: two(d.getUTCMonth() + 1),
    dd: two(d.getUTCDate()),
    HH: two(d.getUTCHours()),
    mm: two(d.getUTCMinutes()),
    extension: values.extension,
  };
  return withSuffix.replace(VARIABLE, (_, name: string) => fields[name] ?? '').replace('\u0000', values.suffix);
}

/** [U] The unique suffix of a channel's n-th object (1-based): '-' and n zero-padded to 6 digits. */
export function uniqueSuffix(n: number): string {
  return `-${String(n).padStart(6, '0')}`;
}
