import { notAcceptable } from '../domain/errors.ts';

export const SUPPORTED_API_VERSIONS = ['1.0.0'] as const;
export const LATEST_API_VERSION = SUPPORTED_API_VERSIONS[SUPPORTED_API_VERSIONS.length - 1];

/** `Accept-Version` absent means the latest; an unknown version is refused with the supported list. */
export function negotiateApiVersion(requested: string | undefined): string {
  if (requested === undefined || requested.trim() === '') return LATEST_API_VERSION!;
  const version = requested.trim();
  if ((SUPPORTED_API_VERSIONS as readonly string[]).includes(version)) return version;
  throw notAcceptable(`Accept-Version ${version} is not supported; supported versions: ${SUPPORTED_API_VERSIONS.join(', ')}`);
}
