/**
 * `GET /audit` and `GET /audit/{eventId}`: the events of the caller's group in context and its
 * subtree, from its tenant's log. The route guard has already decided that the caller may read
 * the audit trail there (`iam:audit:read`); the reach (which log, which subtree) is decided in
 * domain/access/auditReach.ts.
 */
import type { Caller } from '../../domain/caller.ts';
import { auditReach } from '../../domain/access/auditReach.ts';
import { notFound } from '../../domain/errors.ts';
import type { AuditEvent } from '../../events/auditEvent.ts';
import type { Page } from '../../store/pagination.ts';
import { presentActors } from '../access/actorNames.ts';
import type { AuditDependencies } from './auditLog.ts';

export interface AuditFilters {
  type: string[];
  actor?: string;
  target?: string;
  from?: string;
  to?: string;
}

export interface AuditPageRequest extends AuditFilters {
  count: number;
  fromToken?: string;
}

/** Fields of `changes` that name who made or changed the target. */
const ACTOR_CHANGES = ['createdBy', 'updatedBy'] as const;

/** Every place an event names a person as the one who acted: its actor, and who-fields among its changes. */
function actorNames(event: AuditEvent): { view: { actor: unknown; groupId: string }; write(shown: unknown): void }[] {
  const names = [
    {
      view: { actor: event.actor as unknown, groupId: event.groupId },
      write: (shown: unknown) => {
        event.actor = shown as string;
      },
    },
  ];
  for (const field of ACTOR_CHANGES) {
    const change = event.changes[field];
    for (const side of ['before', 'after'] as const)
      if (change && typeof change[side] === 'string')
        names.push({
          view: { actor: change[side], groupId: event.groupId },
          write: (shown) => {
            change[side] = shown;
          },
        });
  }
  return names;
}

/**
 * People the caller cannot see (the bank's staff, to a tenant) are shown as the neutral value, as
 * actor and in who-fields of the changes, in every answer and export; an `actor` filter then matches
 * what is shown, so it cannot find them either.
 */
async function presented(deps: AuditDependencies, caller: Caller, events: AuditEvent[], actor?: string): Promise<AuditEvent[]> {
  const names = events.flatMap(actorNames);
  await presentActors(deps.memberships, caller, { items: names.map((name) => name.view) });
  for (const name of names) name.write(name.view.actor);
  return actor === undefined ? events : events.filter((event) => event.actor === actor);
}

export async function listAuditEvents(
  deps: AuditDependencies,
  caller: Caller,
  request: AuditPageRequest,
): Promise<Page<AuditEvent>> {
  const page = await deps.audit.page({
    ...auditReach(caller.groupContextId),
    types: request.type,
    actor: request.actor,
    target: request.target,
    from: request.from,
    to: request.to,
    limit: request.count,
    fromToken: request.fromToken,
  });
  return { ...page, items: await presented(deps, caller, page.items, request.actor) };
}

export async function getAuditEvent(deps: AuditDependencies, caller: Caller, eventId: string): Promise<AuditEvent> {
  const { tenantId, subtree } = auditReach(caller.groupContextId);
  const event = await deps.audit.event(tenantId, eventId, subtree);
  if (!event) throw notFound(`Audit event ${eventId} not found`);
  const [shown] = await presented(deps, caller, [event]);
  return shown!;
}
