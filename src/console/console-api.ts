// The console's JSON API (POST /_kinesim/api/<action>): Kinesis operations through the engine's own AWS JSON 1.1
// protocol (so every input is validated and answered exactly as an API call is), plus what the console needs
// beyond AWS's API: the shard lineage, metrics, the engine's clock.

import { KinesisError } from '../errors/kinesis-error.js';
import type { Kinesis } from '../kinesis.js';
import { CloudWatchError } from '../metrics/cloudwatch-error.js';
import { KINESIS_METRICS } from '../metrics/metric-catalog.js';
import { TARGET_PREFIX } from '../protocol/operation-target.js';
import { textResponse, type WireResponse } from '../protocol/wire-message.js';
import type { WireProtocol } from '../protocol/wire-protocol.js';
import type { GetMetricStatisticsInput } from '../api-types/metrics.js';
import { KINESIM_VERSION } from '../version.js';
import { decodeUtf8 } from '../encoding/utf8-decode.js';
import { manualClockOf } from './manual-clock.js';

const JSON_TYPE = 'application/json';

/** An error of the console's own endpoints, answered like AWS's JSON errors: `{"__type", "message"}`, 400. */
class ConsoleApiError extends Error {
  constructor(readonly type: string, message: string) {
    super(message);
  }
}

/** Answers one API call. `action` is the path after /_kinesim/api/. */
export function answerApi(kinesis: Kinesis, wire: WireProtocol, action: string, body: Uint8Array): WireResponse {
  if (action.startsWith('kinesis/')) {
    // The engine's wire face: the same decoding, validation, errors and texts as a network client gets.
    return wire.handle({ target: TARGET_PREFIX + action.slice('kinesis/'.length), body });
  }
  try {
    return json(200, answerExtension(kinesis, action, parse(body)));
  } catch (error) {
    if (error instanceof ConsoleApiError) return json(400, { __type: error.type, message: error.message });
    if (error instanceof KinesisError || error instanceof CloudWatchError) return json(error.statusCode, { __type: error.name, message: error.message });
    throw error;
  }
}

function answerExtension(kinesis: Kinesis, action: string, input: Record<string, unknown>): unknown {
  switch (action) {
    case 'overview':
      return overview(kinesis);
    case 'shard-graph':
      return kinesis.describeShardGraph(input as { StreamName: string });
    case 'metrics':
      return metrics(kinesis, input);
    case 'list-metrics':
      return kinesis.metrics.listMetrics(input);
    case 'clock':
      return moveClock(kinesis, input);
    default:
      throw new ConsoleApiError('UnknownOperationException', `The console has no action ${action}.`);
  }
}

/** What the page shows in its header, and the metric catalog its charts pick from. */
export function overview(kinesis: Kinesis) {
  return {
    version: KINESIM_VERSION,
    nowMs: kinesis.clock.now(),
    manualClock: manualClockOf(kinesis.clock) !== undefined,
    region: kinesis.region,
    accountId: kinesis.accountId,
    metricsRetentionMs: kinesis.metrics.retentionMs,
    metrics: KINESIS_METRICS,
  };
}

/** Several GetMetricStatistics queries at once (times in epoch ms); each answers its datapoints or its error. */
function metrics(kinesis: Kinesis, input: Record<string, unknown>): unknown {
  const queries = input['queries'];
  if (!Array.isArray(queries)) throw new ConsoleApiError('SerializationException', 'queries must be a list of GetMetricStatistics inputs.');
  return {
    results: queries.map((q: Record<string, unknown>) => {
      try {
        const query = { ...q, StartTime: dateOf(q['StartTime']), EndTime: dateOf(q['EndTime']) } as unknown as GetMetricStatisticsInput;
        return kinesis.metrics.getMetricStatistics(query);
      } catch (error) {
        if (error instanceof CloudWatchError) return { error: { __type: error.name, message: error.message } };
        throw error;
      }
    }),
  };
}

function dateOf(value: unknown): Date | undefined {
  if (typeof value === 'number' || typeof value === 'string') return new Date(value);
  return undefined;
}

/**
 * Reads the engine's clock (`{}`), or advances (`advanceMs`) or sets (`setMs`) a ManualClock; the system clock
 * cannot be moved. Answers `{ nowMs, manual }`.
 */
function moveClock(kinesis: Kinesis, input: Record<string, unknown>): unknown {
  const clock = manualClockOf(kinesis.clock);
  const { advanceMs, setMs } = input;
  const moving = advanceMs !== undefined || setMs !== undefined;
  if (moving && clock === undefined) {
    throw new ConsoleApiError('InvalidArgumentException', 'The engine runs on the system clock, which the console cannot move (start kinesim serve with --manual-clock).');
  }
  if (clock !== undefined && moving) {
    try {
      if (typeof advanceMs === 'number') clock.advance(advanceMs);
      else if (typeof setMs === 'number') clock.set(setMs);
      else throw new ConsoleApiError('InvalidArgumentException', 'Give advanceMs (a number of ms >= 0) or setMs (epoch ms), or neither to read the clock.');
    } catch (error) {
      if (error instanceof RangeError) throw new ConsoleApiError('InvalidArgumentException', error.message);
      throw error;
    }
  }
  return { nowMs: kinesis.clock.now(), manual: clock !== undefined };
}

function parse(body: Uint8Array): Record<string, unknown> {
  if (body.byteLength === 0) return {};
  try {
    const value: unknown = JSON.parse(decodeUtf8(body) ?? "");
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new ConsoleApiError('SerializationException', 'The request body must be a JSON object.');
}

/** A JSON answer; Dates become epoch milliseconds. */
export function json(statusCode: number, value: unknown): WireResponse {
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() : v;
  });
  return textResponse(statusCode, text, JSON_TYPE);
}
