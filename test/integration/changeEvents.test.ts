/**
 * Change events, end to end: committed mutations through the real handlers, DynamoDB Local's
 * stream, the same consumer as the Lambda, and the local bus (`GET /dev/events`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, api, groupPath, login } from './support/api.ts';
import { busEntriesUntil, restartStreamPoller, type BusEntry } from './support/events.ts';
import { uniqueEmail, uniqueGroupName } from './support/fixtures.ts';
import { openLocalStreamTail, writeRawItem } from './support/localStream.ts';

let adminToken: string;

beforeAll(async () => {
  adminToken = (await login(adminCredentials().email, adminCredentials().password)).accessToken;
});

async function createGroup(name: string): Promise<string> {
  const response = await api('POST', '/groups', { token: adminToken, groupContext: '/', body: { name } });
  expect(response.status).toBe(201);
  return response.body.id;
}

async function describeGroup(id: string, description: string): Promise<void> {
  const response = await api('PATCH', groupPath(id), { token: adminToken, body: { description } });
  expect(response.status).toBe(200);
}

const describedAs = (description: string) => (entry: BusEntry) => entry.detail.changes.description?.after === description;
const descriptions = (entries: BusEntry[]) => entries.map((entry) => entry.detail.changes.description?.after);

describe('change events on the local bus', () => {
  it('gives one event per committed mutation, with the committed values, in commit order', async () => {
    // Prepare
    const id = await createGroup(uniqueGroupName('events'));

    // Act
    for (const description of ['first', 'second', 'third']) await describeGroup(id, description);

    // Assess
    const entries = await busEntriesUntil(id, describedAs('third'));
    expect(entries.map((entry) => entry['detail-type'])).toEqual([
      'group.created',
      'group.updated',
      'group.updated',
      'group.updated',
    ]);
    expect(descriptions(entries.slice(1))).toEqual(['first', 'second', 'third']);
    expect(entries[2]!.detail.changes.description).toEqual({ before: 'first', after: 'second' });
    expect(new Set(entries.map((entry) => entry.detail.id)).size).toBe(4);
    for (const entry of entries) {
      expect(entry.source).toBe('sme-iam');
      expect(entry.detail).toMatchObject({
        type: entry['detail-type'],
        actor: adminCredentials().email,
        target: { type: 'group', id },
        groupId: id,
        requestId: expect.any(String),
      });
    }
  });

  it("follows a user's invitation, disabling and re-enabling, with each committed state and no password", async () => {
    // Prepare
    const groupId = await createGroup(uniqueGroupName('events'));
    const email = uniqueEmail('events');
    const password = 'Chosen-By-Inviter-9!';
    const setState = (state: string) =>
      api('PATCH', `/users/${encodeURIComponent(email)}`, { token: adminToken, groupContext: groupId, body: { state } });

    // Act
    const invited = await api('POST', '/users', {
      token: adminToken,
      groupContext: groupId,
      body: { email, role: 'reader', password },
    });
    const disabled = await setState('disabled');
    const enabled = await setState('active');

    // Assess
    expect([invited.status, disabled.status, enabled.status]).toEqual([201, 204, 204]);
    const entries = await busEntriesUntil(email, (entry) => entry['detail-type'] === 'user.enabled');
    expect(entries.map((entry) => entry['detail-type'])).toEqual(['invitation.created', 'user.disabled', 'user.enabled']);
    expect(entries[0]!.detail).toMatchObject({
      groupId,
      target: { type: 'user', id: email },
      changes: { groups: { after: { [groupId]: 'reader' } } },
    });
    expect(entries.slice(1).map((entry) => entry.detail.changes.state)).toEqual([
      { before: 'invited', after: 'disabled' },
      { before: 'disabled', after: 'active' },
    ]);
    expect(JSON.stringify(entries)).not.toContain(password);
  });

  it('gives no event for a refused mutation', async () => {
    // Prepare
    const name = uniqueGroupName('events');
    const id = await createGroup(name);

    // Act
    const duplicate = await api('POST', '/groups', { token: adminToken, groupContext: '/', body: { name } });
    await describeGroup(id, 'after the refused create');

    // Assess
    expect(duplicate.status).toBe(409);
    const entries = await busEntriesUntil(id, describedAs('after the refused create'));
    expect(entries.map((entry) => entry['detail-type'])).toEqual(['group.created', 'group.updated']);
  });

  it('delivers every committed event exactly once when the stream poller restarts mid-stream', async () => {
    // Prepare
    const id = await createGroup(uniqueGroupName('events'));
    const written: string[] = [];
    const write = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const description = `change ${written.length + 1}`;
        await describeGroup(id, description);
        written.push(description);
      }
    };

    // Act: restarts land while committed changes are still waiting in the stream
    await write(3);
    const firstRestart = restartStreamPoller();
    await write(3);
    await firstRestart;
    await restartStreamPoller();
    await write(3);

    // Assess
    const entries = await busEntriesUntil(id, describedAs(written.at(-1)!));
    expect(entries.map((entry) => entry['detail-type'])).toEqual(['group.created', ...written.map(() => 'group.updated')]);
    expect(descriptions(entries.slice(1))).toEqual(written);
    expect(new Set(entries.map((entry) => entry.detail.id)).size).toBe(entries.length);
  });

  it('delivers an event whose changes hold an empty map, and every event after it', async () => {
    // Prepare
    const id = await createGroup(uniqueGroupName('events'));

    // Act
    const configured = await api('PATCH', groupPath(id), { token: adminToken, body: { configuration: { limits: {} } } });
    await describeGroup(id, 'after the empty map');

    // Assess
    expect(configured.status).toBe(200);
    const entries = await busEntriesUntil(id, describedAs('after the empty map'));
    expect(entries.map((entry) => entry['detail-type'])).toEqual(['group.created', 'group.updated', 'group.updated']);
    expect(entries[1]!.detail.changes.configuration).toEqual({ after: { limits: {} } });
  });
});

describe('DynamoDB Local stream records (canary for the local poller)', () => {
  it('still serve an empty map as {} instead of {"M":{}}, which the local poller repairs', async () => {
    // Prepare
    const stream = await openLocalStreamTail();
    const pk = `CANARY#${uniqueGroupName('stream')}`;

    // Act
    await writeRawItem({ pk: { S: pk }, sk: { S: 'canary' }, empty: { M: {} } });
    const image = await stream.nextImageOf(pk);

    // Assess: when this fails, DynamoDB Local got faithful and `faithfulStreamImage` can go.
    expect(image.empty).toEqual({});
  });
});
