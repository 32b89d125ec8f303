import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, toChangeEvent, type StoredAuditItem } from '../../shared/events/changeEvent.ts';
import { auditEventPut } from '../../shared/store/audit.ts';
import type { AuditEvent } from '../../shared/store/storedRecords.ts';

/** An audit item exactly as the services store it. */
function storedItem(event: Partial<AuditEvent> & Pick<AuditEvent, 'action'>): StoredAuditItem {
  const put = auditEventPut('table', {
    actor: 'ann@acme.com',
    targetType: 'group',
    targetId: '/acme',
    at: '2026-12-01T10:00:00.000Z',
    requestId: 'req-1',
    ...event,
  });
  // Through the stream's wire format and back, as the consumer receives it.
  return JSON.parse(JSON.stringify(put.Put!.Item)) as StoredAuditItem;
}

describe('change event mapping', () => {
  it('carries the stored id, time, actor, target and request, and only the fields that changed', () => {
    // Prepare
    const item = storedItem({
      action: 'group.updated',
      before: { id: '/acme', name: 'Acme', description: 'old', tags: { region: 'emea' } },
      after: { id: '/acme', name: 'Acme', description: 'new', tags: { region: 'emea' } },
    });

    // Act
    const event = toChangeEvent(item);

    // Assess
    expect(event).toEqual({
      id: item.sk.split('#')[1],
      at: '2026-12-01T10:00:00.000Z',
      type: 'group.updated',
      actor: 'ann@acme.com',
      target: { type: 'group', id: '/acme' },
      groupId: '/acme',
      tenantId: '/acme',
      changes: { description: { before: 'old', after: 'new' } },
      requestId: 'req-1',
    });
  });

  it('publishes the stored event as it was written, without the keys and expiry the store adds', () => {
    // Prepare
    const item = storedItem({ action: 'group.deleted', before: { id: '/acme' } });
    const { pk, sk, gsi3pk, gsi3sk, expiresAt, ...stored } = item;

    // Act
    const event = toChangeEvent(item);

    // Assess
    expect([pk, sk, gsi3pk, gsi3sk, expiresAt].every((value) => value !== undefined)).toBe(true);
    expect(event).toEqual(stored);
  });

  it('never publishes a password, token, code or secret, at any depth', () => {
    // Prepare
    const item = storedItem({
      action: 'user.password_changed',
      targetType: 'user',
      targetId: 'bob@acme.com',
      before: { state: 'active', password: 'Old-Passw0rd!', session: { refreshToken: 'rt-1', idToken: 'id-1' } },
      after: {
        state: 'active',
        password: 'New-Passw0rd!',
        newPassword: 'New-Passw0rd!',
        mfa: { totpSecret: 'S3CR3T', code: '123456' },
      },
    });

    // Act
    const published = JSON.stringify(toChangeEvent(item));

    // Assess
    for (const secret of ['Passw0rd', 'rt-1', 'id-1', 'S3CR3T', '123456']) expect(published).not.toContain(secret);
  });

  it('names events by the public type table, and passes an unlisted action through', () => {
    // Prepare
    const invited = storedItem({
      action: 'user.invited',
      targetType: 'user',
      targetId: 'bob@acme.com',
      after: { groups: { '/acme': 'reader' } },
    });
    const unlisted = storedItem({ action: 'widget.frobbed' });

    // Act
    const events = [toChangeEvent(invited), toChangeEvent(unlisted)];

    // Assess
    expect(events.map((event) => event.type)).toEqual([EVENT_TYPES['user.invited'], 'widget.frobbed']);
    expect(events[0]!.type).toBe('invitation.created');
    expect(events[0]!.groupId).toBe('/acme');
  });

  it('calls re-enabling a user user.enabled, and disabling user.disabled', () => {
    // Prepare
    const user = { targetType: 'user' as const, targetId: 'bob@acme.com' };
    const enabled = storedItem({ action: 'user.updated', ...user, before: { state: 'disabled' }, after: { state: 'active' } });
    const retagged = storedItem({ action: 'user.updated', ...user, before: { tags: {} }, after: { tags: { a: 'b' } } });
    const disabled = storedItem({ action: 'user.disabled', ...user, before: { state: 'active' }, after: { state: 'disabled' } });

    // Act
    const types = [enabled, retagged, disabled].map((item) => toChangeEvent(item).type);

    // Assess
    expect(types).toEqual(['user.enabled', 'user.updated', 'user.disabled']);
  });

  it('reports a revoked membership with its group and the role it had', () => {
    // Prepare
    const item = storedItem({
      action: 'membership.revoked',
      targetType: 'user',
      targetId: 'bob@acme.com',
      before: { groups: { '/acme/finance': 'contributor' } },
    });

    // Act
    const event = toChangeEvent(item);

    // Assess
    expect(event).toMatchObject({
      type: 'membership.revoked',
      groupId: '/acme/finance',
      changes: { groups: { before: { '/acme/finance': 'contributor' } } },
    });
  });

  it('does not count a field whose keys were only reordered as changed', () => {
    // Prepare
    const item = storedItem({
      action: 'group.updated',
      before: { tags: { a: '1', b: '2' } },
      after: { tags: { b: '2', a: '1' } },
    });

    // Act
    const event = toChangeEvent(item);

    // Assess
    expect(event.changes).toEqual({});
  });
});
