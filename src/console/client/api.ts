// The console page's calls to its server: Kinesis operations (AWS JSON 1.1 through /_kinesim/api/kinesis/<Op>) and
// the console's own endpoints, each with the page's token. Errors carry AWS's exception name and message.

import type { Kit, Overview } from './kit.js';

export function apiModule(_kit: Kit) {
  const meta = document.querySelector('meta[name="kinesim-token"]');
  const token = meta?.getAttribute('content') ?? '';

  /** An AWS (or console) error: `name` is the exception, `message` AWS's text. */
  class ApiError extends Error {
    constructor(readonly type: string, message: string) {
      super(message);
      this.name = type;
    }
  }

  async function call(path: string, body: unknown): Promise<any> {
    const response = await fetch(`/_kinesim/api/${path}`, {
      method: 'POST',
      headers: { 'content-type': path.startsWith('kinesis/') ? 'application/x-amz-json-1.1' : 'application/json', 'x-kinesim-token': token },
      body: JSON.stringify(body ?? {}),
      cache: 'no-store',
      credentials: 'same-origin',
    });
    const text = await response.text();
    let value: any = {};
    try {
      value = text === '' ? {} : JSON.parse(text);
    } catch {
      throw new ApiError('Error', `HTTP ${response.status}: ${text.slice(0, 200)}`);
    }
    if (!response.ok) {
      const type = String(value.__type ?? `HTTP ${response.status}`).replace(/^.*#/, '');
      throw new ApiError(type, String(value.message ?? value.Message ?? text));
    }
    return value;
  }

  /** `Name: message`, as the page shows an error. */
  function describe(error: unknown): string {
    if (error instanceof ApiError) return `${error.type}: ${error.message}`;
    return error instanceof Error ? error.message : String(error);
  }

  return {
    ApiError,
    describe,
    kinesis: (operation: string, input: Record<string, unknown>) => call(`kinesis/${operation}`, input),
    overview: (): Promise<Overview> => call('overview', {}),
    shardGraph: (StreamName: string) => call('shard-graph', { StreamName }),
    metrics: (queries: Record<string, unknown>[]): Promise<{ results: any[] }> => call('metrics', { queries }),
    listMetrics: (input: Record<string, unknown>): Promise<{ Metrics: any[] }> => call('list-metrics', input),
    clock: (body: { advanceMs?: number; setMs?: number }): Promise<{ nowMs: number }> => call('clock', body),
  };
}
