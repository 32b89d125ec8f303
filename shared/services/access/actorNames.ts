/**
 * One presenter rule for every response: `createdBy`, `updatedBy` and `actor` naming someone the caller
 * cannot see become the neutral value (domain/access/actors.ts). It looks at the response object
 * and the items of its top-level lists (users, groups, roles, tenants), gathers the memberships
 * that could vouch for each actor, reads them in one batched read, then rewrites. A caller who
 * sees everyone, or a response naming only the caller, costs no read.
 */
import { actorNeedsLookup, locationOf, presentActor, vouchingGroups } from '../../domain/access/actors.ts';
import type { Caller } from '../../domain/caller.ts';

/** Which of these (person, group) pairs are accepted memberships, as `email|groupId`. */
export type MembershipProbe = (pairs: { email: string; groupId: string }[]) => Promise<Set<string>>;

/** `actor` is an audit event's. */
const ACTOR_FIELDS = ['createdBy', 'updatedBy', 'actor'] as const;

type View = Record<string, unknown>;
const isView = (value: unknown): value is View => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The response object and the objects of its top-level lists: the views that may name actors. */
function viewsOf(body: unknown): View[] {
  if (!isView(body)) return [];
  const listed = Object.values(body).flatMap((value) => (Array.isArray(value) ? value.filter(isView) : []));
  return [body, ...listed];
}

export async function presentActors<T>(probe: MembershipProbe, caller: Caller, body: T): Promise<T> {
  const views = viewsOf(body).filter((view) => ACTOR_FIELDS.some((field) => actorNeedsLookup(caller, view[field] as string)));
  if (views.length === 0) return body;
  const located = views.map((view) => ({ view, groups: locationOf(view, caller.groupContextId) }));
  const pairs = new Map<string, { email: string; groupId: string }>();
  for (const { view, groups } of located)
    for (const field of ACTOR_FIELDS) {
      const actor = view[field] as string | undefined;
      if (!actorNeedsLookup(caller, actor)) continue;
      for (const groupId of vouchingGroups(caller.memberships, groups))
        pairs.set(`${actor}|${groupId}`, { email: actor, groupId });
    }
  const found = pairs.size > 0 ? await probe([...pairs.values()]) : new Set<string>();
  for (const { view, groups } of located)
    for (const field of ACTOR_FIELDS) {
      const actor = view[field] as string | undefined;
      if (actor !== undefined) view[field] = presentActor(caller, actor, groups, (groupId) => found.has(`${actor}|${groupId}`));
    }
  return body;
}
