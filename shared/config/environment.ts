/**
 * The functions' environment contract: every variable the service reads, its name, and who
 * writes it. The CDK stack and the local stack both write it with `environmentVariables()`;
 * the readers in store/, identity/, login/ and http/ read it by these names.
 */
export const ENVIRONMENT = {
  tableName: 'IAM_TABLE_NAME',
  userPoolId: 'COGNITO_USER_POOL_ID',
  apiClientId: 'COGNITO_API_CLIENT_ID',
  /** Every app client whose tokens the service accepts, comma-separated. */
  clientIds: 'COGNITO_CLIENT_IDS',
  /** Optional, the authorizer only: the pool's JWKS as JSON, fetched at deploy time (infrastructure/aws/poolJwks.ts); unset means fetched at cold start. */
  poolJwks: 'COGNITO_POOL_JWKS',
  hostedClientId: 'COGNITO_HOSTED_CLIENT_ID',
  hostedDomain: 'COGNITO_HOSTED_DOMAIN',
  /** Optional: the CORS origin (default `*`). */
  corsAllowOrigin: 'CORS_ALLOW_ORIGIN',
  /** Optional: days an audit event is kept (default 2557, seven years); see config/auditRetention.ts. */
  auditRetentionDays: 'AUDIT_RETENTION_DAYS',
  /** Local mode only: DynamoDB Local's URL. Never set by the CDK stack. */
  dynamoEndpoint: 'DYNAMODB_ENDPOINT',
  /** Local mode only: cognito-local's URL; its issuer is trusted only when this is set. Never set by the CDK stack. */
  cognitoEndpoint: 'COGNITO_ENDPOINT',
  /** Local mode only: the file the emulator launcher appends emailed codes to. */
  emulatorOutbox: 'IAM_EMULATOR_OUTBOX',
} as const;

export type EnvironmentKey = keyof typeof ENVIRONMENT;
export type ServiceEnvironment = Partial<Record<EnvironmentKey, string>>;

/** The variables to set for these values (unset values are left out). */
export function environmentVariables(values: ServiceEnvironment): Record<string, string> {
  return Object.fromEntries(
    (Object.keys(ENVIRONMENT) as EnvironmentKey[]).flatMap((key) =>
      values[key] === undefined ? [] : [[ENVIRONMENT[key], values[key]!]],
    ),
  );
}

/** One variable's value; empty counts as unset. */
export function readEnvironment(key: EnvironmentKey, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[ENVIRONMENT[key]];
  return value === undefined || value === '' ? undefined : value;
}
