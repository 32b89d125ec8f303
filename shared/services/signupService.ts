/**
 * Business self sign-up. `POST /signup` checks the password policy, counts the sign-up against
 * its source IP, signs the owner up in Cognito (which emails a code) and keeps the business name
 * until confirmation; an email that already has a login gets the very same answer. `POST
 * /signup/confirm` confirms the code; Cognito then runs the post-confirmation trigger, which
 * creates the sole-trader tenant and the owner's admin membership (`completeSignup`).
 */
import { SIGNUP_POLICY } from '../config/signup.ts';
import { tooMany } from '../domain/errors.ts';
import { assertPasswordPolicy } from './authService.ts';
import { createTenantForOwner } from './tenantService.ts';
import { nowOf } from './clock.ts';
import type { SignupCompletion, SignupDependencies } from './signup/signupStore.ts';
import { log } from '../observability/logger.ts';

export async function signUp(
  deps: SignupDependencies,
  request: { businessName: string; email: string; password: string },
  client: { sourceIp?: string },
): Promise<void> {
  assertPasswordPolicy(request.password, 'password');
  const now = nowOf(deps);
  if (client.sourceIp) {
    const retryAfter = await deps.signups.countFrom(client.sourceIp, now);
    if (retryAfter !== undefined) {
      throw tooMany(`Too many sign-ups from this address; at most ${SIGNUP_POLICY.perIpPerHour} an hour`, retryAfter);
    }
  }
  const outcome = await deps.identity.signUp(request.email, request.password);
  // Only a sign-up that Cognito accepted keeps a business name: nobody can rename someone else's pending sign-up.
  if (outcome === 'created') await deps.signups.rememberPending(request.email, request.businessName, now);
}

export async function confirmSignUp(
  deps: Pick<SignupDependencies, 'identity'>,
  request: { email: string; code: string },
): Promise<void> {
  await deps.identity.confirmSignUp(request.email, request.code);
}

/**
 * Run by the post-confirmation trigger: the owner's sole-trader tenant, profile and admin
 * membership in one transaction. Returns the tenant id, or undefined when the email already has
 * a profile here (nothing is created or changed then).
 */
export async function completeSignup(
  deps: SignupCompletion,
  request: { email: string; requestId: string },
): Promise<string | undefined> {
  const email = request.email.toLowerCase();
  const existing = await deps.signups.profile(email);
  // A profile holding only invitations was made while this sign-up awaited its code (they wait for it, see invite.ts).
  const awaitedSignUp = existing && existing.user.state === 'invited' && Object.keys(existing.memberships).length === 0;
  if (existing && !awaitedSignUp) {
    log.warn('sign-up confirmed for an email that already has a profile; nothing created', { requestId: request.requestId });
    return undefined;
  }
  const pending = await deps.signups.pending(email, nowOf(deps));
  // Without a pending name (expired, or confirmed by an admin), the business is named after the address.
  const businessName = pending?.businessName ?? email.split('@')[0]!;
  const tenantId = await createTenantForOwner(deps, { businessName, email, requestId: request.requestId, replacing: existing });
  await deps.signups.forgetPending(email);
  return tenantId;
}
