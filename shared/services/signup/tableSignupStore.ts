/** The sign-up store on the table: the pending sign-up and per-address counter items, and the user's profile read. */
import type { TableRef } from '../../store/client.ts';
import { countSignup, deletePendingSignup, getPendingSignup, putPendingSignup } from '../../store/signupStore.ts';
import { loadUserWithMemberships } from '../../store/userStore.ts';
import type { SignupStore } from './signupStore.ts';

export const tableSignupStore = (table: TableRef): SignupStore => ({
  countFrom: (sourceIp, now) => countSignup(table, sourceIp, now),
  rememberPending: (email, businessName, now) => putPendingSignup(table, email, businessName, now),
  pending: (email, now) => getPendingSignup(table, email, now),
  forgetPending: (email) => deletePendingSignup(table, email),
  profile: (email) => loadUserWithMemberships(table, email),
});
