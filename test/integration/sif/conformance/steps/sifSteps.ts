/**
 * SIF's own steps (its common_steps.ts vocabulary), written against our API: logging in (with the
 * first-login password challenge answered as SIF does), and set-up and teardown done by the
 * super user through the same public routes a client would use.
 */
import { Given, Then } from '@cucumber/cucumber';
import type { SifParameters, SifWorld } from './world.ts';

/** Access tokens by email, kept across scenarios as SIF's step library keeps them. */
const tokens = new Map<string, string>();
/** The password each email last authenticated with, for the "should be unauthorized" check. */
const passwords = new Map<string, string>();

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(
  parameters: SifParameters,
  method: string,
  path: string,
  options: { token?: string; groupContext?: string; body?: unknown } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Version': '1.0.0' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.groupContext) headers['x-groupcontextid'] = encodeURIComponent(options.groupContext);
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${parameters.apiUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

function expectStatus(answer: Answer, expected: number, what: string) {
  if (answer.status !== expected)
    throw new Error(`${what}: expected ${expected}, got ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** Logs in; a first login (NEW_PASSWORD_REQUIRED) is completed with the same password, as SIF's authorizeUser does. */
async function logIn(parameters: SifParameters, email: string, password: string): Promise<string | undefined> {
  const first = await call(parameters, 'POST', '/auth/login', { body: { email, password } });
  if (first.status !== 200) return undefined;
  if (typeof first.body.accessToken === 'string') return first.body.accessToken;
  if (first.body.challenge !== 'NEW_PASSWORD_REQUIRED') return undefined;
  const answered = await call(parameters, 'POST', '/auth/challenge', {
    body: { email, challenge: 'NEW_PASSWORD_REQUIRED', session: first.body.session, newPassword: password },
  });
  return answered.status === 200 && typeof answered.body.accessToken === 'string' ? answered.body.accessToken : undefined;
}

async function tokenOf(parameters: SifParameters, email: string, password: string): Promise<string | undefined> {
  const key = email.toLowerCase();
  const token = tokens.get(key) ?? (await logIn(parameters, email, password));
  if (token) tokens.set(key, token);
  return token;
}

async function superUserToken(parameters: SifParameters): Promise<string> {
  const token = await tokenOf(parameters, parameters.superUser.email, parameters.superUser.password);
  if (!token) throw new Error('The super user could not log in');
  return token;
}

const groupPath = (groupId: string) => `/groups/${encodeURIComponent(groupId)}`;
const userPath = (email: string) => `/users/${encodeURIComponent(email)}`;

Given(/^I authenticate using email (\S+) and password (\S+)$/, async function (this: SifWorld, email: string, password: string) {
  passwords.set(email.toLowerCase(), password);
  const token = await tokenOf(this.parameters, email, password);
  if (token) this.setRequestHeader('Authorization', `Bearer ${token}`);
  else delete this.headers.Authorization;
});

Given(/^I clear authorization token for email (\S+)$/, function (email: string) {
  tokens.delete(email.toLowerCase());
});

Then(/^(\S+) should be unauthorized in group (\S+)$/, async function (this: SifWorld, email: string, groupId: string) {
  const key = email.toLowerCase();
  if (tokens.has(key)) throw new Error(`${email} holds a token`);
  const login = await call(this.parameters, 'POST', '/auth/login', { body: { email, password: passwords.get(key) ?? '' } });
  expectStatus(login, 401, `login of ${email} (for ${groupId})`);
});

Given(
  /^group (\S+) has user (\S+) with role (\S+) and password (\S+)$/,
  async function (this: SifWorld, groupId: string, email: string, role: string, password: string) {
    const invited = await call(this.parameters, 'POST', '/users', {
      token: await superUserToken(this.parameters),
      groupContext: groupId,
      body: { email, role, password },
    });
    expectStatus(invited, 201, `invite ${email} to ${groupId}`);
    if (!(await tokenOf(this.parameters, email, password))) throw new Error(`${email} could not log in`);
  },
);

Given(
  /^group (\S+) has user (\S+) granted access with role (\S+)$/,
  async function (this: SifWorld, groupId: string, email: string, role: string) {
    const granted = await call(this.parameters, 'POST', '/users', {
      token: await superUserToken(this.parameters),
      groupContext: groupId,
      body: { email, role },
    });
    expectStatus(granted, 201, `grant ${role} to ${email} in ${groupId}`);
  },
);

Given(/^group (\S+) has user (\S+) revoked$/, async function (this: SifWorld, groupId: string, email: string) {
  const revoked = await call(this.parameters, 'DELETE', userPath(email), {
    token: await superUserToken(this.parameters),
    groupContext: groupId,
  });
  expectStatus(revoked, 204, `revoke ${email} in ${groupId}`);
  const left = await call(this.parameters, 'GET', userPath(email), {
    token: await superUserToken(this.parameters),
    groupContext: '/',
  });
  if (left.status === 404) tokens.delete(email.toLowerCase());
});

Given(/^group (\S+) exists$/, async function (this: SifWorld, groupId: string) {
  const segments = groupId.split('/');
  const parent = segments.slice(0, -1).join('/') || '/';
  const created = await call(this.parameters, 'POST', '/groups', {
    token: await superUserToken(this.parameters),
    groupContext: parent,
    body: { name: segments.at(-1) },
  });
  if (created.status !== 201 && created.status !== 409) expectStatus(created, 201, `create ${groupId}`);
});

Given(/^group (\S+) has been removed$/, async function (this: SifWorld, groupId: string) {
  const token = await superUserToken(this.parameters);
  expectStatus(
    await call(this.parameters, 'PATCH', groupPath(groupId), { token, body: { state: 'disabled' } }),
    200,
    `disable ${groupId}`,
  );
  expectStatus(await call(this.parameters, 'DELETE', groupPath(groupId), { token }), 204, `delete ${groupId}`);
});

/** SIF keeps memberships in Cognito groups (`<group>|||<role>`); ours live in DynamoDB, so the step checks the membership itself. */
Given(/^I save cognito group (\S+) for user (\S+)$/, async function (this: SifWorld, cognitoGroup: string, email: string) {
  const [groupId, role] = cognitoGroup.split('|||') as [string, string];
  const user = await call(this.parameters, 'GET', userPath(email), {
    token: await superUserToken(this.parameters),
    groupContext: groupId,
  });
  expectStatus(user, 200, `read ${email}`);
  const groups = user.body.groups as Record<string, string>;
  if (groups[groupId] !== role) throw new Error(`${email} is not ${role} of ${groupId}: ${JSON.stringify(groups)}`);
});
