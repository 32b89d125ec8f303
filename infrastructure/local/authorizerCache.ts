/**
 * API Gateway's authorizer result cache, locally: keyed on the identity source (the
 * Authorization header value alone), kept for the configured TTL. Refusals are not cached.
 */
export interface CachedDecision {
  principalId: string;
  context: Record<string, unknown>;
  allowed: boolean;
}

export class AuthorizerCache {
  private readonly entries = new Map<string, { decision: CachedDecision; expiresAt: number }>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): CachedDecision | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.decision;
  }

  set(key: string, decision: CachedDecision): void {
    if (this.ttlSeconds <= 0) return;
    this.entries.set(key, { decision, expiresAt: this.now() + this.ttlSeconds * 1000 });
  }

  clear(): void {
    this.entries.clear();
  }
}
