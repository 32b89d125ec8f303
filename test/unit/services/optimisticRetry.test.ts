import { describe, expect, it } from 'vitest';
import { conflict, notFound } from '../../../shared/domain/errors.ts';
import { withOptimisticRetry } from '../../../shared/services/optimisticRetry.ts';
import { ConditionFailedError } from '../../../shared/store/transactions.ts';
import { rejectionOf } from '../helpers.ts';

/** An attempt that loses `losses` races (a failed condition), then answers `answer`. */
function losingAttempts(losses: number, answer = 'done') {
  let calls = 0;
  const attempt = async () => {
    calls++;
    if (calls <= losses) throw new ConditionFailedError([0]);
    return answer;
  };
  return { attempt, calls: () => calls };
}

describe('services/optimisticRetry', () => {
  describe('withOptimisticRetry', () => {
    it('answers the first attempt that wins', async () => {
      const { attempt, calls } = losingAttempts(2);

      await expect(withOptimisticRetry(attempt, { exhausted: 'busy' })).resolves.toBe('done');
      expect(calls()).toBe(3);
    });

    it('answers a conflict after three lost races', async () => {
      const { attempt, calls } = losingAttempts(3);

      const error = await rejectionOf(withOptimisticRetry(attempt, { exhausted: 'User bob is being changed; try again' }));

      expect(error).toMatchObject({ kind: 'conflict', statusCode: 409, message: 'User bob is being changed; try again' });
      expect(calls()).toBe(3);
    });

    it('stops at once with the explanation of a failed condition that cannot succeed on a re-read', async () => {
      // Prepare
      const { attempt, calls } = losingAttempts(5);

      // Act
      const error = await rejectionOf(
        withOptimisticRetry(attempt, { explain: async () => notFound('Group /acme not found'), exhausted: 'busy' }),
      );

      // Assess
      expect(error.statusCode).toBe(404);
      expect(calls()).toBe(1);
    });

    it('retries when the explanation finds nothing wrong', async () => {
      const { attempt, calls } = losingAttempts(1);

      await expect(withOptimisticRetry(attempt, { explain: async () => undefined, exhausted: 'busy' })).resolves.toBe('done');
      expect(calls()).toBe(2);
    });

    it('passes any other error through untouched, without retrying', async () => {
      let calls = 0;
      const refused = conflict('Group /acme is disabled');

      await expect(
        withOptimisticRetry(
          async () => {
            calls++;
            throw refused;
          },
          { exhausted: 'busy' },
        ),
      ).rejects.toBe(refused);
      expect(calls).toBe(1);
    });
  });
});
