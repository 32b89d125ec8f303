/**
 * Least privilege, from what the code does: the AWS actions each function really sent during this
 * integration run (recorded by the local stack) against what it is granted
 * (shared/api/functionPermissions.ts). A missing grant would fail on AWS; a write or Cognito grant
 * no test uses is either dead or untested. Runs after every other integration file (see vitest.config.ts), so it
 * sees the whole run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_PERMISSIONS, type FunctionPermissions } from '../../../shared/api/functionPermissions.ts';
import { routes } from '../../../shared/api/routes.ts';
import { INDEX_MARK } from '../../../infrastructure/local/commandRecorder.ts';
import { api } from '../support/api.ts';

/** Function name as the local stack records it (a route's operationId) -> what it is granted. */
const GRANTED = new Map<string, FunctionPermissions>(
  Object.entries(FUNCTION_PERMISSIONS).map(([name, permissions]) => [
    (routes as Record<string, { operationId: string }>)[name]?.operationId ?? name,
    permissions,
  ]),
);

interface Sent {
  reads: string[];
  queriesIndexes: boolean;
  writeActions: string[];
  writePartitions: string[];
  cognitoAdmin: string[];
}

function sentBy(actions: string[]): Sent {
  const dynamo = actions.filter((action) => action.startsWith('dynamodb:')).map((action) => action.slice('dynamodb:'.length));
  const writes = dynamo
    .filter((action) => action.includes(' ') && !action.endsWith(INDEX_MARK))
    .map((action) => action.split(' ') as [string, string]);
  return {
    reads: unique(dynamo.filter((action) => !action.includes(' '))),
    queriesIndexes: dynamo.includes(`Query ${INDEX_MARK}`),
    writeActions: unique(writes.map(([action]) => action)),
    writePartitions: unique(writes.map(([, partition]) => partition)),
    cognitoAdmin: unique(
      actions.filter((action) => action.startsWith('cognito-idp:Admin')).map((action) => action.slice('cognito-idp:'.length)),
    ),
  };
}

const unique = (values: readonly string[]) => [...new Set(values)].sort();

describe('the AWS actions each function sends', () => {
  let recorded: Record<string, string[]>;

  beforeAll(async () => {
    recorded = (await api('GET', '/dev/commands')).body.functions;
  });

  it.each([...GRANTED.keys()])('%s sends nothing it is not granted, and uses every write and Cognito grant', (fn) => {
    // Prepare
    const granted = GRANTED.get(fn)!;
    const sent = sentBy(recorded[fn] ?? []);
    const grantedReads = unique(granted.reads ?? []);

    // Assess: what it sent, it may send (else it fails on AWS)...
    expect({ function: fn, readsNotGranted: sent.reads.filter((read) => !grantedReads.includes(read)) }).toEqual({
      function: fn,
      readsNotGranted: [],
    });
    expect({ function: fn, queriesIndexesWithoutGrant: sent.queriesIndexes && !granted.queriesIndexes }).toEqual({
      function: fn,
      queriesIndexesWithoutGrant: false,
    });
    // ...and every write and Cognito grant is used by some test. Reads are not held to this: the
    // local stack runs every function in one process, so one function's short read cache (MFA
    // requirements, custom roles) can spare another's read that it would make on AWS.
    expect({
      function: fn,
      writes: sent.writeActions,
      partitions: sent.writePartitions,
      cognito: sent.cognitoAdmin,
    }).toEqual({
      function: fn,
      writes: unique(granted.writes?.actions ?? []),
      partitions: unique(granted.writes?.partitions ?? []),
      cognito: unique(granted.cognito ?? []),
    });
  });

  it('records nothing for a function that has no grant entry', () => {
    // Assess
    expect(Object.keys(recorded).filter((fn) => !GRANTED.has(fn))).toEqual([]);
  });

  it('lets no public login, refresh or sign-up function write groups or batch-write', () => {
    // Prepare
    const publicWriters = [
      'login',
      'answerChallenge',
      'refresh',
      'signUp',
      'confirmSignUp',
      'forgotPassword',
      'resetPassword',
    ] as const;

    // Assess
    for (const name of publicWriters) {
      const writes = FUNCTION_PERMISSIONS[name].writes;
      expect(writes?.actions ?? []).not.toContain('BatchWriteItem');
      expect(writes?.partitions ?? []).not.toContain('GROUP#');
    }
  });
});
