/**
 * Local-only pages, never deployed, for change events: `GET /dev/events` lists what the local
 * bus received, in delivery order, as EventBridge would receive it (`?type=` and `?target=`
 * filter); `POST /dev/events/poller/restart` stops the stream poller and starts it again from
 * its checkpoint, as a restart of the stack would.
 */
import type { LocalResponse } from './gateway.ts';
import type { IncomingRequest } from './lambdaEvents.ts';
import type { LocalEventSink } from './eventSink.ts';

export interface EventPagesOptions {
  sink: LocalEventSink;
  restartPoller(): Promise<void>;
}

const json = (statusCode: number, body: unknown): LocalResponse => ({
  statusCode,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

export async function eventPages(request: IncomingRequest, options: EventPagesOptions): Promise<LocalResponse | undefined> {
  if (request.method === 'GET' && request.path === '/dev/events') {
    const type = request.query.get('type') ?? undefined;
    const target = request.query.get('target')?.toLowerCase() ?? undefined;
    const events = options.sink
      .read()
      .filter((line) => (!type || line.detailType === type) && (!target || line.detail.target.id === target))
      .map(({ source, detailType, detail }) => ({ source, 'detail-type': detailType, detail }));
    return json(200, { events });
  }
  if (request.method === 'POST' && request.path === '/dev/events/poller/restart') {
    await options.restartPoller();
    return { statusCode: 204, headers: {}, body: '' };
  }
  return undefined;
}
