import { describe, expect, it } from 'vitest';
import { assertResponseMatchesDocument } from '../integration/support/contract.ts';

const group = { id: '/', name: '/', state: 'active', createdBy: 'installer', createdAt: '2026-11-26T12:00:00.000Z' };

describe('the integration client’s check against docs/swagger.json', () => {
  it('accepts a documented status with a body matching its schema', () => {
    expect(() => assertResponseMatchesDocument('GET', '/groups/%2F', 200, group)).not.toThrow();
  });

  it('refuses a status the operation does not document', () => {
    expect(() => assertResponseMatchesDocument('GET', '/groups/%2F', 418, undefined)).toThrow(
      /418, which the document does not list/,
    );
  });

  it('refuses a body that breaks the schema, naming what differs', () => {
    const withoutId: Partial<typeof group> = { ...group };
    delete withoutId.id;

    expect(() => assertResponseMatchesDocument('GET', '/groups/%2F', 200, withoutId)).toThrow(/must have required property 'id'/);
  });

  it('refuses a body where the document promises none', () => {
    expect(() => assertResponseMatchesDocument('DELETE', '/groups/%2Facme', 204, { deleted: true })).toThrow(/promises none/);
  });

  it('matches a literal path before a parameter (/users/me is not /users/{email})', () => {
    expect(() => assertResponseMatchesDocument('GET', '/users/me?x=1', 200, group)).toThrow(/getMe/);
  });
});
