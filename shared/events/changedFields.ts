/** Before and after of each changed top-level field, with every secret removed at any depth. */
export interface FieldChange {
  before?: unknown;
  after?: unknown;
}

/** Field names that hold a password, token, code or secret: never published, however deep. */
const SECRET_FIELD = /^(password|newpassword|temporarypassword|code|session|secret|otpauthuri)$|(token|secret|hash)$/i;

export const isSecretField = (name: string) => SECRET_FIELD.test(name);

export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([name]) => !isSecretField(name))
      .map(([name, inner]) => [name, withoutSecrets(inner)]),
  );
}

export function changedFields(before: unknown, after: unknown): Record<string, FieldChange> {
  const old = asFields(withoutSecrets(before));
  const now = asFields(withoutSecrets(after));
  const changes: Record<string, FieldChange> = {};
  for (const name of new Set([...Object.keys(old), ...Object.keys(now)])) {
    if (canonical(old[name]) === canonical(now[name])) continue;
    changes[name] = {
      ...(old[name] === undefined ? {} : { before: old[name] }),
      ...(now[name] === undefined ? {} : { after: now[name] }),
    };
  }
  return changes;
}

/** Fields every write refreshes: a change of only these is no change. */
const BOOKKEEPING_FIELDS = new Set(['updatedAt', 'updatedBy', 'version']);

/**
 * True when no field but the bookkeeping ones differs, secrets included (a changed secret is a change
 * the audit event does not show): then nothing is written.
 */
export function changesNothing(before: unknown, after: unknown): boolean {
  const old = asFields(before);
  const now = asFields(after);
  return [...new Set([...Object.keys(old), ...Object.keys(now)])].every(
    (name) => BOOKKEEPING_FIELDS.has(name) || canonical(old[name]) === canonical(now[name]),
  );
}

function asFields(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  return { value };
}

/** JSON with object keys sorted, so a reordered but equal value is not a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
