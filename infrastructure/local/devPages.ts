/**
 * Local-only pages, never deployed: `GET /dev/outbox` lists the messages Cognito would have
 * emailed, newest first; `?to=` filters by address. `GET /dev/commands` lists the AWS actions
 * each function has sent, when the stack records them (the integration tests do). Invitations come from the service's own
 * outbox; codes (sign-up, password reset) from the file the emulator appends each delivery to.
 */
import { existsSync, readFileSync } from 'node:fs';
import { defaultTable } from '../../shared/store/client.ts';
import { readOutbox, type OutboxMessage } from '../../shared/store/outboxStore.ts';
import { recordedCommands } from './commandRecorder.ts';
import type { LocalResponse } from './gateway.ts';
import type { IncomingRequest } from './lambdaEvents.ts';
import { readEnvironment } from '../../shared/config/environment.ts';

const LIMIT = 50;

export async function devPages(request: IncomingRequest): Promise<LocalResponse | undefined> {
  if (request.method === 'GET' && request.path === '/dev/commands') return json({ functions: recordedCommands() });
  if (request.method !== 'GET' || request.path !== '/dev/outbox') return undefined;
  const to = request.query.get('to')?.toLowerCase() ?? undefined;
  const messages = [...(await readOutbox(defaultTable(), LIMIT, to)), ...emulatorCodes(to)]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, LIMIT);
  return json({ messages });
}

const json = (body: unknown): LocalResponse => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

function emulatorCodes(to: string | undefined): OutboxMessage[] {
  const file = readEnvironment('emulatorOutbox');
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { to: string; code: string; at: string })
    .filter((delivery) => !to || delivery.to === to)
    .map((delivery) => ({
      to: delivery.to,
      kind: 'code',
      subject: 'Your verification code',
      body: `Your verification code is ${delivery.code}`,
      at: delivery.at,
    }));
}
