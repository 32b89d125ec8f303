import { LATEST_API_VERSION, SUPPORTED_API_VERSIONS } from '../api/contract.ts';
import { notAcceptable } from '../domain/errors.ts';

/** `Accept-Version` absent means the latest; an unknown version is refused with the supported list. */
export function negotiateApiVersion(requested: string | undefined): string {
  if (requested === undefined || requested.trim() === '') return LATEST_API_VERSION!;
  const version = requested.trim();
  if ((SUPPORTED_API_VERSIONS as readonly string[]).includes(version)) return version;
  throw notAcceptable(`Accept-Version ${version} is not supported; supported versions: ${SUPPORTED_API_VERSIONS.join(', ')}`);
}
