/**
 * Read, decide, write with the versions read; when a condition fails because someone else wrote
 * first, read again and decide again. Used by every read-modify-write of the services.
 */
import { conflict } from '../domain/errors.ts';
import { ConditionFailedError } from '../store/transactions.ts';

const ATTEMPTS = 3;

export interface RetryPolicy {
  /** Why the failed condition cannot succeed on a re-read (a missing or full group, ...); undefined to try again. */
  explain?: (failure: ConditionFailedError) => Promise<Error | undefined>;
  /** The conflict message when every attempt lost a race. */
  exhausted: string;
}

export async function withOptimisticRetry<T>(attempt: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let n = 1; n <= ATTEMPTS; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
      const refusal = await policy.explain?.(error);
      if (refusal) throw refusal;
    }
  }
  throw conflict(policy.exhausted);
}
