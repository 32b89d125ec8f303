import { describe, expect, it } from 'vitest';
import { NEUTRAL_ACTOR } from '../../../shared/domain/access/actors.ts';
import type { Memberships } from '../../../shared/domain/roles.ts';
import {
  CSV_COLUMNS,
  EXPORT_EVENTS_PER_RESPONSE,
  EXPORT_PAGE_SIZE,
  exportAuditEvents,
} from '../../../shared/services/audit/auditExport.ts';
import { getAuditEvent, listAuditEvents, type AuditPageRequest } from '../../../shared/services/audit/auditTrail.ts';
import { callerIn } from './fakes.ts';
import { auditEvent, fakeAuditLog } from './fakeAuditLog.ts';

const adminOf = (groupContextId: string, memberships: Memberships = { [groupContextId]: 'admin' }) =>
  callerIn(groupContextId, memberships, { email: 'boss@acme.com' });
const page = (request: Partial<AuditPageRequest> = {}): AuditPageRequest => ({ type: [], count: 20, ...request });

describe('services/audit', () => {
  describe('listAuditEvents', () => {
    it('answers the events of the tenant in context, newest first, and nothing of another business or of /', async () => {
      // Prepare
      const deps = fakeAuditLog([
        auditEvent(1, { groupId: '/acme' }),
        auditEvent(2, { groupId: '/globex' }),
        auditEvent(3, { groupId: '/acme/finance' }),
        auditEvent(4, { groupId: '/' }),
      ]);

      // Act
      const answered = await listAuditEvents(deps, adminOf('/acme'), page());

      // Assess
      expect(answered.items.map((event) => [event.groupId, event.requestId])).toEqual([
        ['/acme/finance', 'req-3'],
        ['/acme', 'req-1'],
      ]);
      expect(deps.queries[0]!.tenantId).toBe('/acme');
      expect(deps.queries[0]!.subtree).toBeUndefined();
    });

    it('answers an admin acting below the tenant’s top with that subtree only', async () => {
      const deps = fakeAuditLog([
        auditEvent(1, { groupId: '/acme' }),
        auditEvent(2, { groupId: '/acme/finance/payables' }),
        auditEvent(3, { groupId: '/acme/hr' }),
      ]);

      const answered = await listAuditEvents(deps, adminOf('/acme/finance'), page());

      expect(answered.items.map((event) => event.groupId)).toEqual(['/acme/finance/payables']);
      expect(deps.queries[0]).toMatchObject({ tenantId: '/acme', subtree: '/acme/finance' });
    });

    it('passes every filter to the log: types, actor, target and the time range', async () => {
      // Prepare
      const deps = fakeAuditLog([
        auditEvent(1, { groupId: '/acme', action: 'group.created' }),
        auditEvent(2, {
          groupId: '/acme',
          actor: 'boss@acme.com',
          targetType: 'user',
          targetId: 'ann@acme.com',
          action: 'user.updated',
        }),
        auditEvent(3, {
          groupId: '/acme',
          actor: 'boss@acme.com',
          targetType: 'user',
          targetId: 'ann@acme.com',
          action: 'user.updated',
        }),
      ]);
      const filters = {
        type: ['user.updated'],
        actor: 'boss@acme.com',
        target: 'ann@acme.com',
        from: '2026-06-01T00:02:00.000Z',
        to: '2026-06-01T00:02:30.000Z',
      };

      // Act
      const answered = await listAuditEvents(deps, adminOf('/acme', { '/': 'admin' }), page(filters));

      // Assess
      expect(answered.items.map((event) => event.requestId)).toEqual(['req-2']);
      expect(deps.queries[0]).toMatchObject({
        types: ['user.updated'],
        actor: 'boss@acme.com',
        target: 'ann@acme.com',
        limit: 20,
      });
    });

    it('pages with count and fromToken, the token resuming after the last event', async () => {
      // Prepare
      const deps = fakeAuditLog([1, 2, 3, 4, 5].map((minute) => auditEvent(minute, { groupId: '/acme' })));
      const caller = adminOf('/acme');

      // Act
      const first = await listAuditEvents(deps, caller, page({ count: 2 }));
      const second = await listAuditEvents(deps, caller, page({ count: 2, fromToken: first.nextToken }));
      const last = await listAuditEvents(deps, caller, page({ count: 2, fromToken: second.nextToken }));

      // Assess
      expect([first, second, last].map(({ items }) => items.map((event) => event.requestId))).toEqual([
        ['req-5', 'req-4'],
        ['req-3', 'req-2'],
        ['req-1'],
      ]);
      expect(last.nextToken).toBeUndefined();
    });

    it('shows the bank’s staff as the neutral actor to a tenant, as actor and in who-fields of the changes', async () => {
      // Prepare
      const deps = fakeAuditLog(
        [
          auditEvent(1, { groupId: '/acme', actor: 'staff@bank.example', after: { updatedBy: 'staff@bank.example' } }),
          auditEvent(2, { groupId: '/acme', actor: 'ann@acme.com' }),
        ],
        ['ann@acme.com|/acme'],
      );

      // Act
      const answered = await listAuditEvents(deps, adminOf('/acme'), page());

      // Assess
      expect(answered.items.map((event) => event.actor)).toEqual(['ann@acme.com', NEUTRAL_ACTOR]);
      expect(answered.items[1]!.changes.updatedBy).toEqual({ after: NEUTRAL_ACTOR });
    });

    it('lets an actor filter match only what is shown, so it cannot find the bank’s staff either', async () => {
      const deps = fakeAuditLog([auditEvent(1, { groupId: '/acme', actor: 'staff@bank.example' })]);

      const answered = await listAuditEvents(deps, adminOf('/acme'), page({ actor: 'staff@bank.example' }));

      expect(answered.items).toEqual([]);
    });

    it('shows everyone by name to the bank’s admins', async () => {
      const deps = fakeAuditLog([auditEvent(1, { groupId: '/acme', actor: 'staff@bank.example' })]);

      const answered = await listAuditEvents(deps, adminOf('/acme', { '/': 'admin' }), page());

      expect(answered.items[0]!.actor).toBe('staff@bank.example');
    });
  });

  describe('getAuditEvent', () => {
    it('answers one event of the reader’s reach, and 404 for one outside it', async () => {
      // Prepare
      const finance = auditEvent(1, { groupId: '/acme/finance' });
      const hr = auditEvent(2, { groupId: '/acme/hr' });
      const other = auditEvent(3, { groupId: '/globex' });
      const deps = fakeAuditLog([finance, hr, other]);
      const caller = adminOf('/acme/finance');

      // Act
      const found = await getAuditEvent(deps, caller, finance.id);

      // Assess
      expect(found.id).toBe(finance.id);
      await expect(getAuditEvent(deps, caller, hr.id)).rejects.toMatchObject({ kind: 'not-found' });
      await expect(getAuditEvent(deps, caller, other.id)).rejects.toMatchObject({ kind: 'not-found' });
    });
  });

  describe('exportAuditEvents', () => {
    it('writes JSON Lines, one event a line, as GET /audit answers them', async () => {
      const deps = fakeAuditLog([auditEvent(1, { groupId: '/acme' }), auditEvent(2, { groupId: '/acme' })]);

      const chunk = await exportAuditEvents(deps, adminOf('/acme'), { type: [] }, 'ndjson');

      const lines = chunk.body
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines.map((event) => event.requestId)).toEqual(['req-2', 'req-1']);
      expect(chunk.count).toBe(2);
      expect(chunk.nextToken).toBeUndefined();
    });

    it('writes CSV with its header row and the changes as JSON, the bank’s staff neutral there too', async () => {
      // Prepare
      const deps = fakeAuditLog([auditEvent(1, { groupId: '/acme', actor: 'staff@bank.example', after: { name: 'Acme, Ltd' } })]);

      // Act
      const chunk = await exportAuditEvents(deps, adminOf('/acme'), { type: [] }, 'csv');

      // Assess
      const [header, row] = chunk.body.trimEnd().split('\n');
      expect(header).toBe(CSV_COLUMNS.join(','));
      expect(row).toContain(`,${NEUTRAL_ACTOR},group,/acme,/acme,/acme,req-1,,,`);
      expect(row).toContain('"{""name"":{""after"":""Acme, Ltd""}}"');
    });

    it(`reads pages of ${EXPORT_PAGE_SIZE} and stops at ${EXPORT_EVENTS_PER_RESPONSE} events, with a token that resumes the export`, async () => {
      // Prepare
      const total = EXPORT_EVENTS_PER_RESPONSE + 50;
      const deps = fakeAuditLog(Array.from({ length: total }, (_, index) => auditEvent(index, { groupId: '/acme' })));
      const caller = adminOf('/acme');

      // Act
      const first = await exportAuditEvents(deps, caller, { type: [] }, 'ndjson');
      const rest = await exportAuditEvents(deps, caller, { type: [], fromToken: first.nextToken }, 'ndjson');

      // Assess
      expect(first.count).toBe(EXPORT_EVENTS_PER_RESPONSE);
      expect(first.nextToken).toBeDefined();
      expect(rest.count).toBe(50);
      expect(rest.nextToken).toBeUndefined();
      expect(deps.queries.every((query) => query.limit === EXPORT_PAGE_SIZE)).toBe(true);
      expect(deps.queries).toHaveLength(EXPORT_EVENTS_PER_RESPONSE / EXPORT_PAGE_SIZE + 1);
    });

    it('answers an empty body when nothing matches, and CSV’s header alone', async () => {
      const deps = fakeAuditLog([]);

      const json = await exportAuditEvents(deps, adminOf('/acme'), { type: [] }, 'ndjson');
      const csv = await exportAuditEvents(deps, adminOf('/acme'), { type: [] }, 'csv');

      expect(json).toEqual({ body: '', count: 0 });
      expect(csv.body).toBe(`${CSV_COLUMNS.join(',')}\n`);
    });
  });
});
