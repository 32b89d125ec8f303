import { describe, expect, it } from 'vitest';
import { createState, createVerifier, s256Challenge, sameState } from '../../shared/login/pkce.ts';

describe('PKCE and state', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', () => {
    expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('creates verifiers of 43 unreserved characters, different every time', () => {
    const verifiers = Array.from({ length: 20 }, createVerifier);

    for (const verifier of verifiers) expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(verifiers).size).toBe(verifiers.length);
  });

  it('creates url-safe states, different every time', () => {
    const states = Array.from({ length: 20 }, createState);

    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(new Set(states).size).toBe(states.length);
  });

  it('compares states exactly, whatever their lengths', () => {
    const state = createState();

    expect(sameState(state, state)).toBe(true);
    expect(sameState(state, `${state}x`)).toBe(false);
    expect(sameState(state, state.slice(0, -1) + (state.endsWith('a') ? 'b' : 'a'))).toBe(false);
    expect(sameState(state, '')).toBe(false);
  });
});
