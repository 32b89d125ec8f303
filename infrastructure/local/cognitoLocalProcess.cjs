// Starts cognito-local (pinned at 5.3.0) for the local stack, with the emulator's gaps that
// security depends on filled here and nowhere else. The canary test
// (test/unit/cognitoLocalPatches.test.ts) fails when the internals patched below change.
//
// 1. Outbox: the emulator "emails" codes by printing them; every delivery is also appended,
//    synchronously and before the emulator answers, to the file named by IAM_EMULATOR_OUTBOX,
//    which the local outbox (`GET /dev/outbox`) reads.
// 2. Temporary passwords: for a user in FORCE_CHANGE_PASSWORD the emulator answers
//    NEW_PASSWORD_REQUIRED before comparing the password (targets/initiateAuth.js). Cognito
//    refuses a wrong one with NotAuthorizedException, so the service answers 401 and counts it.
// 3. Session claims: with token revocation on, Cognito's tokens carry `origin_jti`, the same for
//    every token of one login and across its refreshes, and refreshes keep the login's
//    `auth_time`. The emulator has no `origin_jti` and a new `auth_time` at each refresh. Here a
//    login's tokens (its refresh token included) get a new `origin_jti`; a refresh copies both
//    claims from the refresh token it was given.
// 4. Refresh after a challenge: the emulator does not keep the refresh token it issues in
//    RespondToAuthChallenge (it does for InitiateAuth), so a login completed through
//    NEW_PASSWORD_REQUIRED or SOFTWARE_TOKEN_MFA could never be refreshed. Here it is kept.
//
// Run with the working directory holding `.cognito/`; HOST and PORT as for the emulator's own bin.
const { appendFileSync } = require('node:fs');
const { createPrivateKey, createPublicKey, randomUUID } = require('node:crypto');
const { createRequire } = require('node:module');
const pino = require('pino');
const { ConsoleMessageSender } = require('cognito-local/lib/services/messageDelivery/consoleMessageSender');
const { JwtTokenGenerator } = require('cognito-local/lib/services/tokenGenerator');
const { UserPoolServiceImpl } = require('cognito-local/lib/services/userPoolService');
const { Targets } = require('cognito-local/lib/targets/targets');
const { NotAuthorizedError } = require('cognito-local/lib/errors');
const { createDefaultServer } = require('cognito-local/lib/server');
// The emulator's own copy of jsonwebtoken and its signing key, so re-signed tokens match its own.
const jwt = createRequire(require.resolve('cognito-local/package.json'))('jsonwebtoken');
const signingKey = require('cognito-local/lib/keys/cognitoLocal.private.json').pem;
const verifyingKey = createPublicKey(createPrivateKey(signingKey));

function relayCodesToOutbox(outbox) {
  const sendToConsole = ConsoleMessageSender.prototype.sendToConsole;
  ConsoleMessageSender.prototype.sendToConsole = function relay(ctx, user, destination, message) {
    appendFileSync(
      outbox,
      `${JSON.stringify({ to: String(destination).toLowerCase(), code: message.__code, at: new Date().toISOString() })}\n`,
    );
    return sendToConsole.call(this, ctx, user, destination, message);
  };
}

function refuseWrongTemporaryPasswords() {
  const initiateAuth = Targets.InitiateAuth;
  Targets.InitiateAuth = (services) => {
    const target = initiateAuth(services);
    return async (ctx, req) => {
      if (req.AuthFlow === 'USER_PASSWORD_AUTH' && req.AuthParameters) {
        const userPool = await services.cognito.getUserPoolForClientId(ctx, req.ClientId);
        const user = await userPool.getUserByUsername(ctx, req.AuthParameters.USERNAME);
        if (user?.UserStatus === 'FORCE_CHANGE_PASSWORD' && user.Password !== req.AuthParameters.PASSWORD) {
          throw new NotAuthorizedError('Incorrect username or password.');
        }
      }
      return target(ctx, req);
    };
  };
}

function keepRefreshTokensOfChallenges() {
  const respondToAuthChallenge = Targets.RespondToAuthChallenge;
  Targets.RespondToAuthChallenge = (services) => {
    const target = respondToAuthChallenge(services);
    return async (ctx, req) => {
      const result = await target(ctx, req);
      const refreshToken = result.AuthenticationResult?.RefreshToken;
      if (refreshToken) {
        const userPool = await services.cognito.getUserPoolForClientId(ctx, req.ClientId);
        // Read after the challenge: it may have just saved the user's new password.
        const user = await userPool.getUserByUsername(ctx, req.ChallengeResponses.USERNAME);
        if (user) await userPool.storeRefreshToken(ctx, refreshToken, user);
      }
      return result;
    };
  };
}

// The refresh token a refresh presented, kept on the user object the refresh flows pass to the
// token generator. Non-enumerable, so it is never saved with the user.
const PRESENTED_REFRESH_TOKEN = Symbol('presented refresh token');

function keepSessionClaimsAcrossRefresh() {
  const getUserByRefreshToken = UserPoolServiceImpl.prototype.getUserByRefreshToken;
  UserPoolServiceImpl.prototype.getUserByRefreshToken = async function withPresentedToken(ctx, refreshToken) {
    const user = await getUserByRefreshToken.call(this, ctx, refreshToken);
    if (user) Object.defineProperty(user, PRESENTED_REFRESH_TOKEN, { value: refreshToken });
    return user;
  };

  const generate = JwtTokenGenerator.prototype.generate;
  JwtTokenGenerator.prototype.generate = async function withSessionClaims(ctx, user, groups, client, metadata, source) {
    const tokens = await generate.call(this, ctx, user, groups, client, metadata, source);
    const session = source === 'RefreshTokens' ? sessionOf(user[PRESENTED_REFRESH_TOKEN]) : newSession(tokens.AccessToken);
    return {
      ...tokens,
      AccessToken: resign(tokens.AccessToken, session),
      IdToken: resign(tokens.IdToken, session),
      RefreshToken: resign(tokens.RefreshToken, session),
    };
  };
}

function newSession(accessToken) {
  return { origin_jti: randomUUID(), auth_time: jwt.decode(accessToken).auth_time };
}

function sessionOf(refreshToken) {
  const claims = refreshToken ? jwt.verify(refreshToken, verifyingKey, { algorithms: ['RS256'] }) : {};
  // A refresh token issued before these claims existed (an old local data folder): log in again.
  if (typeof claims.origin_jti !== 'string' || typeof claims.auth_time !== 'number') {
    throw new NotAuthorizedError('Invalid Refresh Token');
  }
  return { origin_jti: claims.origin_jti, auth_time: claims.auth_time };
}

function resign(token, claims) {
  const { header, payload } = jwt.decode(token, { complete: true });
  return jwt.sign({ ...payload, ...claims }, signingKey, { algorithm: 'RS256', ...(header.kid ? { keyid: header.kid } : {}) });
}

if (process.env.IAM_EMULATOR_OUTBOX) relayCodesToOutbox(process.env.IAM_EMULATOR_OUTBOX);
refuseWrongTemporaryPasswords();
keepRefreshTokensOfChallenges();
keepSessionClaimsAcrossRefresh();

const logger = pino({ level: process.env.DEBUG ? 'debug' : 'info' });
createDefaultServer(logger)
  .then((server) => server.start())
  .then((server) => {
    const address = server.address();
    logger.info(`Cognito Local running on http://${address.address}:${address.port}`);
  })
  .catch((error) => {
    logger.error(error);
    process.exit(1);
  });
