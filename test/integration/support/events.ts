/**
 * The local bus (`GET /dev/events`): what EventBridge would receive. Delivery is asynchronous,
 * as it is on AWS (the stream is read after the commit), so a reader waits, boundedly, for the
 * events it expects.
 */
import { inject } from 'vitest';
import type { ChangeEvent } from '../../../shared/events/changeEvent.ts';

export interface BusEntry {
  source: string;
  'detail-type': string;
  detail: ChangeEvent;
}

export async function busEntries(target: string): Promise<BusEntry[]> {
  const response = await fetch(`${inject('stack').apiUrl}/dev/events?target=${encodeURIComponent(target)}`);
  return ((await response.json()) as { events: BusEntry[] }).events;
}

/**
 * The target's entries once its newest one satisfies `isLast`, waiting up to `timeoutMs`. The local
 * poller reads every write of the run in order, so after a file that seeds thousands of items (the
 * audit trail's) it may be that far behind; the wait is bounded below the test's own timeout.
 */
export async function busEntriesUntil(
  target: string,
  isLast: (entry: BusEntry) => boolean,
  timeoutMs = 50_000,
): Promise<BusEntry[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const entries = await busEntries(target);
    if (entries.some(isLast)) return entries;
    if (Date.now() > deadline)
      throw new Error(`The expected event for ${target} did not reach the local bus within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function restartStreamPoller(): Promise<void> {
  const response = await fetch(`${inject('stack').apiUrl}/dev/events/poller/restart`, { method: 'POST' });
  if (response.status !== 204) throw new Error(`restarting the stream poller answered ${response.status}`);
}
