import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line of a request says about it. */
export interface RequestLogContext {
  correlation_id: string;
  route: string;
  caller?: string;
}

const storage = new AsyncLocalStorage<RequestLogContext>();

/**
 * Makes `context` the current request's from here on, for this invocation's whole async chain.
 * Called synchronously at the start of the invocation, before any await, so it reaches the handler.
 */
export function enterRequestContext(context: RequestLogContext): void {
  storage.enterWith(context);
}

export function currentRequestContext(): Partial<RequestLogContext> {
  return storage.getStore() ?? {};
}

/** Where the current request came from, for its audit events; kept apart from the log context, so it is never logged. */
export interface RequestOrigin {
  sourceIp?: string;
  userAgent?: string;
  groupContextId?: string;
}

const origins = new AsyncLocalStorage<RequestOrigin>();

/** Like enterRequestContext: synchronously, at the start of the invocation. The object may be filled in later. */
export function enterRequestOrigin(origin: RequestOrigin): RequestOrigin {
  origins.enterWith(origin);
  return origin;
}

export function currentRequestOrigin(): RequestOrigin {
  return origins.getStore() ?? {};
}
