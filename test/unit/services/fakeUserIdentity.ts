/**
 * The part of the Cognito adapter the users use cases call, in memory: each call is appended to
 * the directory's log (`cognito <operation> <email>`), so a test sees whether it followed the commit.
 */
import type { UserIdentity } from '../../../shared/services/users/userDependencies.ts';

export interface FakeUserIdentity extends UserIdentity {
  /** Cognito's status of each login; absent: no login. */
  logins: Map<string, string>;
  passwords: Map<string, string>;
  /** The next createUser of this email fails as Cognito does for a login that exists. */
  existingLogins: Set<string>;
}

export function fakeUserIdentity(log: string[]): FakeUserIdentity {
  const logins = new Map<string, string>();
  const passwords = new Map<string, string>();
  const existingLogins = new Set<string>();
  const record = (operation: string, email: string) => log.push(`cognito ${operation} ${email}`);
  return {
    logins,
    passwords,
    existingLogins,
    loginStatus: async (email) => logins.get(email),
    async createUser(email, options) {
      if (existingLogins.delete(email)) throw Object.assign(new Error('User exists'), { name: 'UsernameExistsException' });
      record('createUser', email);
      logins.set(email, 'FORCE_CHANGE_PASSWORD');
      if (options.temporaryPassword) passwords.set(email, options.temporaryPassword);
    },
    async deleteUser(email) {
      record('deleteUser', email);
      logins.delete(email);
    },
    async forgotPassword(email) {
      record('forgotPassword', email);
    },
    async setPermanentPassword(email, password) {
      record('setPermanentPassword', email);
      passwords.set(email, password);
    },
    async disableUser(email) {
      record('disableUser', email);
    },
    async enableUser(email) {
      record('enableUser', email);
    },
    async signOutEverywhere(email) {
      record('signOutEverywhere', email);
    },
  };
}
