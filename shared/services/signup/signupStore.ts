/**
 * The port sign-up reads and writes through, beside the tenant directory: the table in
 * production (`tableSignupStore.ts`), maps in the unit tests.
 */
import type { CognitoIdentity } from '../../identity/cognitoIdentity.ts';
import type { UserWithMemberships } from '../../store/userStore.ts';
import type { TenantDirectory } from '../tenants/tenantDirectory.ts';

export interface SignupStore {
  /** Counts a sign-up from the address in the current hour; the seconds to wait when the hour's limit is reached (nothing counted then). */
  countFrom(sourceIp: string, now: Date): Promise<number | undefined>;
  /** Keeps the business name until the owner confirms, for a limited time. */
  rememberPending(email: string, businessName: string, now: Date): Promise<void>;
  /** The pending business name, unless it has expired. */
  pending(email: string, now: Date): Promise<{ businessName: string } | undefined>;
  forgetPending(email: string): Promise<void>;
  /** The email's profile here with its memberships and invitations, if it has one. */
  profile(email: string): Promise<UserWithMemberships | undefined>;
}

/** What the post-confirmation trigger needs: the table alone, no Cognito. */
export interface SignupCompletion {
  signups: SignupStore;
  tenants: TenantDirectory;
  now?: () => Date;
}

export interface SignupDependencies extends SignupCompletion {
  identity: Pick<CognitoIdentity, 'signUp' | 'confirmSignUp'>;
}
