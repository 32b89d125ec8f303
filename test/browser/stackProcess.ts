/**
 * Runs the integration tests' global setup in a process of its own and prints what it provides.
 * A local stack configures its handlers through process.env, so two stacks cannot share the
 * vitest process when the integration and browser projects run together.
 */
import type { TestProject } from 'vitest/node';
import setup from '../integration/globalSetup.ts';
import { STACK_LINE_PREFIX } from './globalSetup.ts';

const provided: Record<string, unknown> = {};
const teardown = await setup({ provide: (key: string, value: unknown) => (provided[key] = value) } as unknown as TestProject);
process.stdout.write(`${STACK_LINE_PREFIX}${JSON.stringify(provided)}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void teardown().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
// The parent closes our stdin when it exits, even when it crashes.
process.stdin.on('close', stop);
process.stdin.resume();
