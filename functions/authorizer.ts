/** API Gateway REQUEST authorizer (see shared/http/authorizerHandler.ts). */
import { authorizerHandler } from '../shared/http/authorizerHandler.ts';
import { createTokenVerifier, verifierSettingsFromEnvironment } from '../shared/identity/tokenVerifier.ts';

const verifier = createTokenVerifier(verifierSettingsFromEnvironment());
// Fetch the JWKS during the cold start, outside any request: the round trip overlaps the rest of
// the function's start instead of delaying its first decision. A failure here is retried on first use.
const hydrated = verifier.hydrate().catch(() => undefined);

export const handler = authorizerHandler(verifier, hydrated);
