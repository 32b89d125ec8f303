/**
 * The authorizer as functions/authorizer.ts builds it, but without starting the JWKS fetch at import:
 * the benchmark imports both, so what the authorizer's code costs at import is told apart from
 * the fetch it starts on purpose during the cold start.
 */
import { authorizerHandler } from '../../shared/http/authorizerHandler.ts';
import { createTokenVerifier, verifierSettingsFromEnvironment } from '../../shared/identity/tokenVerifier.ts';

export const handler = authorizerHandler(createTokenVerifier(verifierSettingsFromEnvironment()), Promise.resolve());
