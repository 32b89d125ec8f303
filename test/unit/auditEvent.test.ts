import { describe, expect, it } from 'vitest';
import { tenantOf } from '../../shared/domain/access/auditReach.ts';
import { buildAuditEvent, uuidV7, uuidV7TimePrefix, type AuditRecord } from '../../shared/events/auditEvent.ts';
import { DEFAULT_AUDIT_RETENTION_DAYS, parseAuditRetentionDays } from '../../shared/config/auditRetention.ts';
import { auditEventPut } from '../../shared/store/audit.ts';
import { enterRequestOrigin } from '../../shared/observability/requestContext.ts';

const record: AuditRecord = {
  actor: 'ann@acme.com',
  action: 'user.disabled',
  targetType: 'user',
  targetId: 'bob@acme.com',
  before: { state: 'active' },
  after: { state: 'disabled' },
  at: '2026-12-01T10:00:00.000Z',
  requestId: 'req-1',
};

describe('the audit event shape', () => {
  it('takes where the request came from and the group it acted in from the request origin', () => {
    // Prepare
    const origin = { sourceIp: '203.0.113.9', userAgent: 'curl/8.5', groupContextId: '/acme/finance' };

    // Act
    const event = buildAuditEvent(record, origin);

    // Assess
    expect(event).toMatchObject({
      type: 'user.disabled',
      groupId: '/acme/finance',
      tenantId: '/acme',
      target: { type: 'user', id: 'bob@acme.com' },
      changes: { state: { before: 'active', after: 'disabled' } },
      sourceIp: '203.0.113.9',
      userAgent: 'curl/8.5',
    });
  });

  it('is written with the origin of the request the writer runs in, a tenant log key and an expiry', async () => {
    // Prepare
    const put = await new Promise<ReturnType<typeof auditEventPut>>((resolve) =>
      setImmediate(() => {
        enterRequestOrigin({ sourceIp: '198.51.100.7', userAgent: 'bank-app/2', groupContextId: '/bloom' });
        resolve(auditEventPut('table', record));
      }),
    );

    // Act
    const item = put.Put!.Item!;

    // Assess
    expect(item).toMatchObject({
      sourceIp: '198.51.100.7',
      userAgent: 'bank-app/2',
      tenantId: '/bloom',
      gsi3pk: 'AUDITLOG#/bloom',
    });
    expect(item.gsi3sk).toBe(item.id);
    expect(item.expiresAt).toBe(Date.parse(record.at) / 1000 + DEFAULT_AUDIT_RETENTION_DAYS * 86_400);
  });

  it('names the top-level group as the tenant', () => {
    // Prepare
    const groups = ['/', '/acme', '/acme/finance/payables'];

    // Act
    const tenants = groups.map(tenantOf);

    // Assess
    expect(tenants).toEqual(['/', '/acme', '/acme']);
  });

  it('makes ids that sort by time and start with their millisecond prefix', () => {
    // Prepare
    const times = [
      Date.parse('2026-01-01T00:00:00.000Z'),
      Date.parse('2026-01-01T00:00:00.001Z'),
      Date.parse('2027-06-01T00:00:00Z'),
    ];

    // Act
    const ids = times.map(uuidV7);

    // Assess
    expect([...ids].sort()).toEqual(ids);
    ids.forEach((id, i) => expect(id.startsWith(uuidV7TimePrefix(times[i]!))).toBe(true));
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('accepts whole days from 1 and refuses anything else as the retention', () => {
    // Prepare
    const refused = ['0', '-5', '1.5', 'seven', 36_526];

    // Act
    const accepted = [undefined, '30', 365].map(parseAuditRetentionDays);

    // Assess
    expect(accepted).toEqual([DEFAULT_AUDIT_RETENTION_DAYS, 30, 365]);
    for (const value of refused) expect(() => parseAuditRetentionDays(value)).toThrow(/auditRetentionDays/);
  });
});
