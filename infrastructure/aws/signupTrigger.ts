import { UserPoolOperation, type UserPool } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { FUNCTION_PERMISSIONS } from '../../shared/api/functionPermissions.ts';
import { grantFunctionPermissions } from './functionGrants.ts';
import { iamFunction } from './lambdaFunction.ts';
import { environmentVariables } from '../../shared/config/environment.ts';

export interface SignupTriggerProps {
  userPool: UserPool;
  table: Table;
  tracing: boolean;
  /** Days the audit event of a sign-up is kept. */
  auditRetentionDays: number;
}

/**
 * Business self sign-up: the pre-sign-up trigger refuses an email attribute other than the
 * lower-cased username, and needs nothing at all. The post-confirmation trigger creates the
 * owner's sole-trader tenant and admin membership. It writes only what that needs (see
 * shared/api/functionPermissions.ts): no Cognito actions, and no user-pool id in its environment
 * (the pool refers to the function, so the function must not refer to the pool).
 */
export class SignupTrigger extends Construct {
  readonly function: LambdaFunction;
  readonly preSignUp: LambdaFunction;

  constructor(scope: Construct, id: string, props: SignupTriggerProps) {
    super(scope, id);
    this.preSignUp = iamFunction(this, 'PreSignUp', {
      handler: 'triggers/preSignUp',
      description: 'Cognito pre-sign-up: the email attribute is the username',
      environment: {},
      tracing: props.tracing,
    });
    props.userPool.addTrigger(UserPoolOperation.PRE_SIGN_UP, this.preSignUp);
    this.function = iamFunction(this, 'PostConfirmation', {
      handler: 'triggers/postConfirmation',
      description: 'Cognito post-confirmation: the signed-up business and its owner',
      environment: environmentVariables({
        tableName: props.table.tableName,
        auditRetentionDays: String(props.auditRetentionDays),
      }),
      tracing: props.tracing,
    });
    grantFunctionPermissions(this.function, FUNCTION_PERMISSIONS.postConfirmation, { table: props.table });
    props.userPool.addTrigger(UserPoolOperation.POST_CONFIRMATION, this.function);
  }
}
