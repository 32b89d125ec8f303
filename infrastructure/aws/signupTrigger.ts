import { UserPoolOperation, type UserPool } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { iamFunction } from './lambdaFunction.ts';

export interface SignupTriggerProps {
  userPool: UserPool;
  table: Table;
  tracing: boolean;
}

/**
 * Business self sign-up: the post-confirmation trigger creates the owner's sole-trader tenant
 * and admin membership. It may read and write the table, nothing else: no Cognito permissions,
 * and no user-pool id in its environment (the pool refers to the function, so the function
 * must not refer to the pool).
 */
export class SignupTrigger extends Construct {
  readonly function: LambdaFunction;

  constructor(scope: Construct, id: string, props: SignupTriggerProps) {
    super(scope, id);
    this.function = iamFunction(this, 'PostConfirmation', {
      handler: 'triggers/postConfirmation',
      description: 'Cognito post-confirmation: the signed-up business and its owner',
      environment: { IAM_TABLE_NAME: props.table.tableName },
      tracing: props.tracing,
    });
    props.table.grantReadWriteData(this.function);
    props.userPool.addTrigger(UserPoolOperation.POST_CONFIRMATION, this.function);
  }
}
