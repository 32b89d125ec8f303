/**
 * Canary for the emulator launcher (infrastructure/local/cognitoLocalProcess.cjs): it patches
 * cognito-local's internals, so it is only known to be right for the pinned version and these
 * exact files. When this fails after an upgrade, re-read each file's part the launcher relies on
 * (noted below), adapt the launcher, drop a patch the emulator no longer needs, then update the digests.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const packageRoot = dirname(require.resolve('cognito-local/package.json'));
const source = (file: string) => readFileSync(join(packageRoot, 'lib', file), 'utf8');
const digest = (file: string) => createHash('sha256').update(source(file)).digest('hex');

/** What the launcher relies on in each file, and that file's digest at cognito-local 5.3.0. */
const PATCHED_INTERNALS: Record<string, { reliedOn: string; sha256: string }> = {
  'targets/initiateAuth.js': {
    reliedOn: 'USER_PASSWORD_AUTH answers FORCE_CHANGE_PASSWORD before comparing user.Password',
    sha256: '6e42d3863fa33ff61f8b5b635018053fa0ea636b8ad7a53e1c8c144d00c5b713',
  },
  'targets/respondToAuthChallenge.js': {
    reliedOn: 'returns AuthenticationResult with a RefreshToken it never stores; ChallengeResponses.USERNAME names the user',
    sha256: 'f29fcaab93ed982c2c50faea9a640253d4cd13f68545ab498b438ef83fae0fb5',
  },
  'targets/targets.js': {
    reliedOn: 'Targets is a mutable object the router reads InitiateAuth and RespondToAuthChallenge from',
    sha256: '580d355ff1cbb8ffd616e24c269bc3fb5f28f845c125b9fc60674f5bcb700ea6',
  },
  'server/Router.js': {
    reliedOn: 'the router looks targets up in Targets when the server routes',
    sha256: '0ab7ed7c3353ef95fb5702f30bee2242603f15feccdf8bf6b3039dac9b030e94',
  },
  'services/tokenGenerator.js': {
    reliedOn: 'generate(ctx, user, groups, client, metadata, source) signs all three tokens with the packaged key',
    sha256: 'b2e298b358c7f393b68ed63f0d32064996f9bcc62f3e399ff2c055126abb26f5',
  },
  'services/userPoolService.js': {
    reliedOn: 'getUserByRefreshToken returns the user object the refresh flows hand to generate',
    sha256: '9163568531379419f33514db5063507e7a9668b911f75fe893c436e912cb2ebf',
  },
  'targets/adminInitiateAuth.js': {
    reliedOn: 'REFRESH_TOKEN_AUTH: getUserByRefreshToken, then generate with source RefreshTokens',
    sha256: 'e5dfe6bfc60d4d30fbd8d1c169fa805fe069c3038bf133ec59fc5092747dc046',
  },
  'oauth2/routes.js': {
    reliedOn: '/oauth2/token refresh_token: getUserByRefreshToken, then generate with source RefreshTokens',
    sha256: '406bbea8aa2f1b3eea568499c62706aa9dd63c5482792aecc5e191b54b4dbc14',
  },
  'services/messageDelivery/consoleMessageSender.js': {
    reliedOn: 'sendToConsole(ctx, user, destination, message) with the code in message.__code',
    sha256: 'b9d2b66ef8838f78e81f24a7d2a1d37550051147811c6c6b57d5021fb1203538',
  },
  'errors.js': {
    reliedOn: 'NotAuthorizedError answers NotAuthorizedException',
    sha256: '90debce928a06c2d595932f95b7c1c6a3922a57ffecbdc29b3bb5097912fd6ca',
  },
};

describe('the cognito-local internals the emulator launcher patches', () => {
  it('is the pinned version', () => {
    const { version } = require('cognito-local/package.json') as { version: string };

    expect(version).toBe('5.3.0');
  });

  it.each(Object.entries(PATCHED_INTERNALS))('%s is unchanged (%s)', (file, { sha256 }) => {
    expect(digest(file)).toBe(sha256);
  });

  it('still has the gaps the launcher fills', () => {
    const initiateAuth = source('targets/initiateAuth.js');
    const generator = source('services/tokenGenerator.js');

    expect(initiateAuth.indexOf('"FORCE_CHANGE_PASSWORD"')).toBeLessThan(initiateAuth.indexOf('user.Password !=='));
    expect(generator).not.toContain('origin_jti:');
    expect(source('targets/respondToAuthChallenge.js')).not.toContain('storeRefreshToken');
    expect(generator).toMatch(/const authTime = Math\.floor\(this\.clock\.get\(\)/);
  });

  it('exposes the hooks by the names the launcher replaces', () => {
    const { Targets } = require('cognito-local/lib/targets/targets') as { Targets: Record<string, unknown> };
    const { JwtTokenGenerator } = require('cognito-local/lib/services/tokenGenerator') as {
      JwtTokenGenerator: { prototype: { generate: unknown } };
    };
    const { UserPoolServiceImpl } = require('cognito-local/lib/services/userPoolService') as {
      UserPoolServiceImpl: { prototype: { getUserByRefreshToken: unknown } };
    };

    expect(typeof Targets.InitiateAuth).toBe('function');
    expect(typeof Targets.RespondToAuthChallenge).toBe('function');
    expect(JwtTokenGenerator.prototype.generate).toHaveLength(6);
    expect(typeof UserPoolServiceImpl.prototype.getUserByRefreshToken).toBe('function');
  });
});
