// What a call that must fail threw, as { name, message }, so tests can compare AWS's exact answers.

import { KinesisError } from '../../src/index.js';

export interface Rejection {
  name: string;
  message: string;
}

/** Runs `call`, which must throw a KinesisError, and returns its name and message. */
export function rejection(call: () => unknown): Rejection {
  try {
    call();
  } catch (error) {
    if (error instanceof KinesisError) return { name: error.name, message: error.message };
    throw error;
  }
  throw new Error('expected the call to throw');
}
