/**
 * Bundled in place of `@aws-sdk/credential-provider-node` (see BUNDLE_OPTIONS): on Lambda the
 * function role's credentials are always in the environment, so the environment provider is the
 * whole chain. Locally the sources run unbundled and keep the SDK's default chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
