/** The sign-up store in memory: pending business names with their expiry, a per-address count, and the profiles already here. */
import { SIGNUP_POLICY } from '../../../shared/config/signup.ts';
import type { SignupStore } from '../../../shared/services/signup/signupStore.ts';
import type { UserWithMemberships } from '../../../shared/store/userStore.ts';

export interface FakeSignupStore extends SignupStore {
  pendingNames: Map<string, { businessName: string; expiresAt: number }>;
  counted: string[];
}

export function fakeSignupStore(
  profiles: UserWithMemberships[] = [],
  options: { retryAfter?: number; pendingHours?: number } = {},
): FakeSignupStore {
  const pendingNames = new Map<string, { businessName: string; expiresAt: number }>();
  const counted: string[] = [];
  const hours = options.pendingHours ?? SIGNUP_POLICY.pendingHours;
  return {
    pendingNames,
    counted,
    countFrom: async (sourceIp) => {
      if (options.retryAfter !== undefined) return options.retryAfter;
      counted.push(sourceIp);
      return undefined;
    },
    rememberPending: async (email, businessName, now) => {
      pendingNames.set(email, { businessName, expiresAt: now.getTime() + hours * 3_600_000 });
    },
    pending: async (email, now) => {
      const pending = pendingNames.get(email);
      return pending && pending.expiresAt > now.getTime() ? { businessName: pending.businessName } : undefined;
    },
    forgetPending: async (email) => {
      pendingNames.delete(email);
    },
    profile: async (email) => structuredClone(profiles.find((profile) => profile.user.email === email)),
  };
}
