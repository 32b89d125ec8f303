/**
 * The local outbox (`GET /dev/outbox`): what Cognito would have emailed. Delivery is
 * asynchronous, as email is: the emulator prints a code and the local stack relays it, so a
 * reader waits (boundedly) for the message to arrive, as a person waits for an email.
 */
import { inject } from 'vitest';

interface OutboxMessage {
  kind: string;
  body: string;
}

export async function outboxMessages(email: string): Promise<OutboxMessage[]> {
  const response = await fetch(`${inject('stack').apiUrl}/dev/outbox?to=${encodeURIComponent(email)}`);
  return ((await response.json()) as { messages: OutboxMessage[] }).messages;
}

/** The newest code sent to this address, waiting up to `timeoutMs` for it to arrive. */
export async function waitForCode(email: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const message = (await outboxMessages(email)).find((candidate) => candidate.kind === 'code');
    const code = message ? /code is (\S+)/.exec(message.body)?.[1] : undefined;
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`No code reached the outbox for ${email} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
