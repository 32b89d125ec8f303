import { describe, expect, it } from 'vitest';
import { thrownBy, type ErrorSeen } from './helpers.ts';
import { LATEST_API_VERSION, SUPPORTED_API_VERSIONS } from '../../shared/api/contract.ts';
import { negotiateApiVersion } from '../../shared/http/apiVersion.ts';

function negotiationError(requested: string): ErrorSeen {
  return thrownBy(() => negotiateApiVersion(requested));
}

describe('negotiateApiVersion', () => {
  it('answers the latest version when Accept-Version is absent', () => {
    expect(negotiateApiVersion(undefined)).toBe(LATEST_API_VERSION);
  });

  it('answers the latest version when Accept-Version is blank', () => {
    expect(negotiateApiVersion('  ')).toBe(LATEST_API_VERSION);
  });

  it('accepts 1.0.0', () => {
    expect(negotiateApiVersion('1.0.0')).toBe('1.0.0');
  });

  it('accepts 1.0.0 surrounded by whitespace', () => {
    expect(negotiateApiVersion(' 1.0.0 ')).toBe('1.0.0');
  });

  it('refuses an unknown version as not acceptable, status 406', () => {
    // Act
    const error = negotiationError('2.0.0');

    // Assess
    expect(error.kind).toBe('not-acceptable');
    expect(error.statusCode).toBe(406);
  });

  it('lists the supported versions in the 406 message', () => {
    // Act
    const error = negotiationError('0.9');

    // Assess
    expect(error.message).toContain('0.9');
    for (const version of SUPPORTED_API_VERSIONS) expect(error.message).toContain(version);
  });
});
