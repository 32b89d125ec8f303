/**
 * The user directory's reads, and ending one session, over the table: all the read routes need,
 * kept apart from the writes so their bundles carry none of the write path's stores.
 */
import type { TableRef } from '../../store/client.ts';
import { queryLoginHistory } from '../../store/loginAttemptStore.ts';
import { listSessions } from '../../store/sessionStore.ts';
import { endOneSession } from '../../store/userMutations.ts';
import { loadUserWithMemberships } from '../../store/userStore.ts';
import type { UserDirectory } from './userDirectory.ts';

export type UserReads = Pick<UserDirectory, 'user' | 'sessions' | 'loginHistory' | 'endSession'>;

export function tableUserReads(table: TableRef): UserReads {
  return {
    user: (email) => loadUserWithMemberships(table, email),
    sessions: (email, page) => listSessions(table, email, page),
    async loginHistory(email, page) {
      const { attempts, nextToken } = await queryLoginHistory(table, email, page.count, page.fromToken);
      return { logins: attempts, nextToken };
    },
    endSession: (ending) => endOneSession(table, ending),
  };
}
