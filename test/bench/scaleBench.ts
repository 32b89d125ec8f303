/**
 * Issue 14, scale: the uncached authorization decision (verify the token, one Query of the caller's
 * partition) for the same caller in a small table (10 groups, 100 users) and in a large one
 * (10,000+ groups, 100,000 users), both in the same DynamoDB Local, timed in turns.
 * Both tables must be created before either is filled (`createSmallScaleTable` at the start of the
 * run): DynamoDB Local answers any table created after a large fill several times slower, whatever
 * its size, which would compare table ages rather than sizes.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../../infrastructure/local/provision.ts';
import { createTokenVerifier, verifierSettingsFromEnvironment } from '../../shared/identity/tokenVerifier.ts';
import { authorizeToken } from '../../shared/services/authorizerService.ts';
import type { TableRef } from '../../shared/store/client.ts';
import { userKey } from '../../shared/store/keys.ts';
import { batchPut, treeIds, writeGroups } from './seedData.ts';
import { median } from './stats.ts';

export const SCALE_DECISIONS = 200;
export const SMALL_SCALE_TABLE = 'iam-scale-small';

/** Created with the stack's own table, before any data: see the module comment. */
export const createSmallScaleTable = (endpoint: string) => ensureTable(endpoint, SMALL_SCALE_TABLE);

export interface ScaleSide {
  label: string;
  users: number;
  groups: number;
  millis: number[];
  p50: number;
}

export interface ScaleResult {
  small: ScaleSide;
  large: ScaleSide;
  /** p50 large ÷ p50 small. */
  ratio: number;
  writeSeconds: number;
  decisions: number;
}

const fillerUsers = (table: TableRef, count: number, prefix: string) => {
  const createdAt = new Date().toISOString();
  const items = Array.from({ length: count }, (_, i) => {
    const email = `${prefix}-${String(i).padStart(6, '0')}@scale.example`;
    return { ...userKey(email), type: 'user', email, state: 'active', createdBy: 'bench', createdAt };
  });
  return batchPut(table, items);
};

/**
 * `large` already holds the big group tree and the caller; this adds users to it up to `largeUsers`,
 * fills the small table (created empty at the start) with a copy of the caller's partition, and times decisions.
 */
export async function measureScale(
  options: { large: TableRef; largeGroups: number; largeUsers: number; caller: string; accessToken: string },
  small: TableRef,
  log: (message: string) => void,
): Promise<ScaleResult> {
  const started = performance.now();
  const { Items: callerItems = [] } = await options.large.doc.send(
    new QueryCommand({
      TableName: options.large.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': userKey(options.caller).pk },
    }),
  );
  log(`scale: writing ${options.largeUsers.toLocaleString('en')} users into the large table`);
  await fillerUsers(options.large, options.largeUsers - 1, 'large');
  const smallGroups = treeIds(1, 9, 0);
  await writeGroups(small, smallGroups);
  await fillerUsers(small, 99, 'small');
  await batchPut(small, callerItems);
  const writeSeconds = (performance.now() - started) / 1000;

  const verifier = createTokenVerifier(verifierSettingsFromEnvironment());
  await verifier.hydrate();
  const decide = async (table: TableRef): Promise<number> => {
    const start = performance.now();
    const decision = await authorizeToken({ verifier, table }, options.accessToken);
    const millis = performance.now() - start;
    if (!decision) throw new Error(`scale: the caller was refused in ${table.tableName}`);
    return millis;
  };
  for (let i = 0; i < 20; i++) {
    await decide(small);
    await decide(options.large);
  }
  const smallMillis: number[] = [];
  const largeMillis: number[] = [];
  for (let i = 0; i < SCALE_DECISIONS; i++) {
    // Taking turns, each side first every other time.
    if (i % 2 === 0) {
      smallMillis.push(await decide(small));
      largeMillis.push(await decide(options.large));
    } else {
      largeMillis.push(await decide(options.large));
      smallMillis.push(await decide(small));
    }
  }
  const side = (label: string, users: number, groups: number, millis: number[]): ScaleSide => ({
    label,
    users,
    groups,
    millis,
    p50: median(millis),
  });
  const smallSide = side('small', 100, smallGroups.length, smallMillis);
  const largeSide = side('large', options.largeUsers, options.largeGroups, largeMillis);
  log(`scale: p50 small ${smallSide.p50.toFixed(2)} ms, large ${largeSide.p50.toFixed(2)} ms`);
  return { small: smallSide, large: largeSide, ratio: largeSide.p50 / smallSide.p50, writeSeconds, decisions: SCALE_DECISIONS };
}
