/**
 * Issue 14, scale: the uncached authorization decision (verify the token, one Query of the caller's
 * partition) for the same caller in a small table (10 groups, 100 users) and in a large one
 * (10,000+ groups, 100,000 users), both in the same DynamoDB Local, timed in turns.
 * The small table and the caller are written at the start of the run (`prepareScale`), before the
 * large fills: DynamoDB Local answers a Query of items written after a large fill several times
 * slower, whatever the table's size, which would compare write times rather than sizes.
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

export interface ScaleCaller {
  email: string;
  accessToken: string;
}

/**
 * At the start of the run: `caller` (already in the large table, logged in) is copied into a new
 * small table of 10 groups and 100 users. See the module comment for why this cannot wait.
 */
export async function prepareScale(endpoint: string, large: TableRef, caller: ScaleCaller): Promise<TableRef> {
  const small = { doc: large.doc, tableName: SMALL_SCALE_TABLE };
  await ensureTable(endpoint, small.tableName);
  const { Items: callerItems = [] } = await large.doc.send(
    new QueryCommand({
      TableName: large.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': userKey(caller.email).pk },
    }),
  );
  await writeGroups(small, treeIds(1, 9, 0));
  await fillerUsers(small, 99, 'small');
  await batchPut(small, callerItems);
  return small;
}

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
 * `large` already holds the big group tree and the caller; this adds users to it up to `largeUsers`
 * and times decisions in both tables.
 */
export async function measureScale(
  options: { large: TableRef; largeGroups: number; largeUsers: number; caller: ScaleCaller },
  small: TableRef,
  log: (message: string) => void,
): Promise<ScaleResult> {
  const started = performance.now();
  log(`scale: writing ${options.largeUsers.toLocaleString('en')} users into the large table`);
  await fillerUsers(options.large, options.largeUsers - 1, 'large');
  const writeSeconds = (performance.now() - started) / 1000;

  const verifier = createTokenVerifier(verifierSettingsFromEnvironment());
  await verifier.hydrate();
  const decide = async (table: TableRef): Promise<number> => {
    const start = performance.now();
    const decision = await authorizeToken({ verifier, table }, options.caller.accessToken);
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
  const smallSide = side('small', 100, treeIds(1, 9, 0).length, smallMillis);
  const largeSide = side('large', options.largeUsers, options.largeGroups, largeMillis);
  log(`scale: p50 small ${smallSide.p50.toFixed(2)} ms, large ${largeSide.p50.toFixed(2)} ms`);
  return { small: smallSide, large: largeSide, ratio: largeSide.p50 / smallSide.p50, writeSeconds, decisions: SCALE_DECISIONS };
}
