/**
 * Local-only pages, never deployed: `GET /dev/outbox` lists the messages Cognito would have
 * emailed (invitations with temporary passwords, codes), newest first; `?to=` filters by address.
 */
import { defaultTable } from '../../shared/store/client.ts';
import { readOutbox } from '../../shared/store/outboxStore.ts';
import type { LocalResponse } from './gateway.ts';
import type { IncomingRequest } from './lambdaEvents.ts';

export async function devPages(request: IncomingRequest): Promise<LocalResponse | undefined> {
  if (request.method !== 'GET' || request.path !== '/dev/outbox') return undefined;
  const to = request.query.get('to')?.toLowerCase() ?? undefined;
  const messages = await readOutbox(defaultTable(), 50, to);
  return { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ messages }) };
}
