// What the registry records about one operation: its input shape, the action that serves it, the Kinesis
// method that exposes it, and how it travels on the wire.

import type { Account } from '../model/account.js';
import type { Shape } from '../service-model/shapes.js';

/** `aws`: an operation of AWS's API, served on the wire. `extension`: kinesim's own, on the Kinesis class only. */
export type Exposure = 'aws' | 'extension';

/** How an operation answers: with one output, or with a stream of events (SubscribeToShard). */
export type ResponseKind = 'single' | 'event-stream';

/** An operation the engine serves: Kinesis method `method` validates its input against `input`, then runs `action`. */
export interface ServedOperation<M extends string, I, O> {
  readonly input: Shape;
  readonly action: (account: Account, input: I) => O;
  readonly method: M;
  readonly exposure: Exposure;
  readonly response: ResponseKind;
}

/** An operation of AWS's API that kinesim does not serve yet: known to the wire, answered UnknownOperationException. */
export interface UnservedOperation {
  readonly input: Shape;
  readonly action: undefined;
  readonly method: undefined;
  readonly exposure: 'aws';
  readonly response: ResponseKind;
}

/** An AWS operation with one output per call. */
export function aws<M extends string, I, O>(method: M, action: (account: Account, input: I) => O, input: Shape): ServedOperation<M, I, O> {
  return Object.freeze({ input, action, method, exposure: 'aws', response: 'single' });
}

/**
 * An AWS operation that answers with a stream of events (SubscribeToShard): its action returns the stream's
 * in-process face, which the wire turns into an event-stream body.
 */
export function awsEventStream<M extends string, I, O>(
  method: M,
  action: (account: Account, input: I) => O,
  input: Shape,
): ServedOperation<M, I, O> {
  return Object.freeze({ input, action, method, exposure: 'aws', response: 'event-stream' });
}

/** A kinesim extension: on the Kinesis class, never on the wire. */
export function extension<M extends string, I, O>(
  method: M,
  action: (account: Account, input: I) => O,
  input: Shape,
): ServedOperation<M, I, O> {
  return Object.freeze({ input, action, method, exposure: 'extension', response: 'single' });
}

/** An AWS operation kinesim does not serve yet; its input is modelled so the wire reads requests for it like AWS. */
export function unserved(input: Shape, response: ResponseKind): UnservedOperation {
  return Object.freeze({ input, action: undefined, method: undefined, exposure: 'aws', response });
}

/** What one registry entry must be for operation K: served by the method named like K, lower-first, or unserved. */
export type EntryFor<K extends string> = ServedOperation<Uncapitalize<K>, never, unknown> | UnservedOperation;
