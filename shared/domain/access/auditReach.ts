/**
 * Whose audit events a reader sees, acting in a group: the events of that group's subtree, read
 * from its tenant's log. The tenant is the top-level group (`/acme` for `/acme/finance`), so a
 * business never sees another's events; `/` is the bank's own log (events at `/` itself): the
 * bank's admins read a business's log by acting in it (`x-groupcontextid: /acme`).
 */
export interface AuditReach {
  tenantId: string;
  /** Set when the reader acts below the tenant's top: only events at it or beneath it. */
  subtree?: string;
}

/** `/acme/finance` -> `/acme`; `/` -> `/`. */
export function tenantOf(groupId: string): string {
  const second = groupId.indexOf('/', 1);
  return second === -1 ? groupId : groupId.slice(0, second);
}

export function auditReach(groupContextId: string): AuditReach {
  const tenantId = tenantOf(groupContextId);
  return tenantId === groupContextId ? { tenantId } : { tenantId, subtree: groupContextId };
}
