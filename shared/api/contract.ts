/** Names and values that are part of the REST contract (SIF's): headers and API versions. */

/** Selects the group a call acts in; defaults to the caller's default group. */
export const GROUP_CONTEXT_HEADER = 'x-groupcontextid';

export const SUPPORTED_API_VERSIONS = ['1.0.0'] as const;
export const LATEST_API_VERSION = SUPPORTED_API_VERSIONS[SUPPORTED_API_VERSIONS.length - 1];
