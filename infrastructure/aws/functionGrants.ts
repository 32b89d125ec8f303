/**
 * Grants a function exactly what `shared/api/functionPermissions.ts` declares: its DynamoDB reads
 * on the table (and its indexes, when it queries them), its writes only on the partition families it writes
 * (an IAM `dynamodb:LeadingKeys` condition, checked item by item inside transactions too), and its
 * Cognito admin actions on the user pool.
 */
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { FunctionPermissions } from '../../shared/api/functionPermissions.ts';

export function grantFunctionPermissions(
  fn: IFunction,
  permissions: FunctionPermissions,
  resources: { table: ITable; userPoolArn?: string },
): void {
  const { reads = [], writes, cognito = [], cognitoOnAws = [] } = permissions;
  const tableArn = resources.table.tableArn;
  if (reads.length > 0) {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: reads.map((action) => `dynamodb:${action}`),
        resources: permissions.queriesIndexes ? [tableArn, `${tableArn}/index/*`] : [tableArn],
      }),
    );
  }
  if (writes && writes.actions.length > 0) {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: writes.actions.map((action) => `dynamodb:${action}`),
        resources: [tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': writes.partitions.map(leadingKeyPattern) } },
      }),
    );
  }
  const cognitoActions = [...cognito, ...cognitoOnAws];
  if (cognitoActions.length > 0) {
    if (!resources.userPoolArn) throw new Error('Cognito actions need the user pool');
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: cognitoActions.map((action) => `cognito-idp:${action}`),
        resources: [resources.userPoolArn],
      }),
    );
  }
}

/** `USER#` covers every `USER#...` partition; a family without `#` (`OUTBOX`) is one partition. */
const leadingKeyPattern = (family: string) => (family.endsWith('#') ? `${family}*` : family);
