/**
 * Makes the local emulators look like the deployed stack: the table with the CDK stack's
 * key schema, the user pool with its two app clients. Creates only what is missing, so a
 * second `npm start` reuses the data.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import {
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UpdateUserPoolClientCommand,
  type CognitoIdentityProviderClient,
  type UpdateUserPoolClientCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { PASSWORD_POLICY } from '../../shared/config/passwordPolicy.ts';
import { SESSION_SETTINGS } from '../../shared/config/sessions.ts';
import { createCognitoClient } from '../../shared/identity/cognitoIdentity.ts';
import { TABLE_DEFINITION } from '../../shared/store/tableDefinition.ts';

export const LOCAL_TABLE_NAME = 'sme-iam';
export const LOCAL_POOL_NAME = 'sme-iam';
export const API_CLIENT_NAME = 'api';
export const HOSTED_CLIENT_NAME = 'hosted';

export async function ensureTable(endpoint: string, tableName = LOCAL_TABLE_NAME): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const stream = { StreamEnabled: true, StreamViewType: TABLE_DEFINITION.streamViewType };
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    // A data folder from before change events has a table without a stream.
    if (!Table?.StreamSpecification?.StreamEnabled)
      await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: stream }));
    // A data folder from before an index was added (the audit log's `gsi3`) gets it now.
    const existing = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    for (const index of TABLE_DEFINITION.globalSecondaryIndexes.filter((candidate) => !existing.has(candidate.indexName)))
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: [index.partitionKey, index.sortKey].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
          GlobalSecondaryIndexUpdates: [{ Create: { ...indexSchema(index), Projection: { ProjectionType: 'ALL' } } }],
        }),
      );
    return;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  } finally {
    client.destroy();
  }
  const create = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const { partitionKey, sortKey, globalSecondaryIndexes, ttlAttribute } = TABLE_DEFINITION;
  const keyNames = new Set<string>([
    partitionKey,
    sortKey,
    ...globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ]);
  await create.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...keyNames].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: partitionKey, KeyType: 'HASH' },
        { AttributeName: sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: globalSecondaryIndexes.map((index) => ({
        ...indexSchema(index),
        Projection: { ProjectionType: 'ALL' },
      })),
      StreamSpecification: stream,
    }),
  );
  await create.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true },
    }),
  );
  create.destroy();
}

export interface LocalUserPool {
  userPoolId: string;
  apiClientId: string;
  hostedClientId: string;
}

export async function ensureUserPool(endpoint: string, hostedCallbackUrls: string[]): Promise<LocalUserPool> {
  const cognito = createCognitoClient(endpoint);
  try {
    const pools = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    let userPoolId = pools.UserPools?.find((pool) => pool.Name === LOCAL_POOL_NAME)?.Id;
    if (!userPoolId) {
      const created = await cognito.send(
        new CreateUserPoolCommand({
          PoolName: LOCAL_POOL_NAME,
          Policies: {
            PasswordPolicy: {
              MinimumLength: PASSWORD_POLICY.minLength,
              RequireLowercase: PASSWORD_POLICY.requireLowercase,
              RequireUppercase: PASSWORD_POLICY.requireUppercase,
              RequireNumbers: PASSWORD_POLICY.requireDigits,
              RequireSymbols: PASSWORD_POLICY.requireSymbols,
              TemporaryPasswordValidityDays: PASSWORD_POLICY.temporaryPasswordValidityDays,
            },
          },
          MfaConfiguration: 'OPTIONAL',
          AutoVerifiedAttributes: ['email'],
        }),
      );
      userPoolId = created.UserPool!.Id!;
    }
    const clients = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
    const tokenValidity = {
      AccessTokenValidity: SESSION_SETTINGS.accessTokenValidityMinutes,
      IdTokenValidity: SESSION_SETTINGS.idTokenValidityMinutes,
      RefreshTokenValidity: SESSION_SETTINGS.refreshTokenValidityDays,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
    } as const;
    const clientId = async (name: string, extra: Record<string, unknown>) =>
      clients.UserPoolClients?.find((c) => c.ClientName === name)?.ClientId ??
      (
        await cognito.send(
          new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: name, ...tokenValidity, ...extra }),
        )
      ).UserPoolClient!.ClientId!;
    const apiClientId = await clientId(API_CLIENT_NAME, {
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    const hostedSettings: HostedClientSettings = {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: hostedCallbackUrls,
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      SupportedIdentityProviders: ['COGNITO'],
    };
    const hostedClientId = await clientId(HOSTED_CLIENT_NAME, hostedSettings);
    await ensureCallbackUrls(cognito, userPoolId, hostedClientId, {
      ClientName: HOSTED_CLIENT_NAME,
      ...tokenValidity,
      ...hostedSettings,
    });
    return { userPoolId, apiClientId, hostedClientId };
  } finally {
    cognito.destroy();
  }
}

type HostedClientSettings = Omit<UpdateUserPoolClientCommandInput, 'UserPoolId' | 'ClientId' | 'ClientName'>;

/** Ports differ between runs, so the hosted client's callback URLs are brought up to date on every start. */
async function ensureCallbackUrls(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  clientId: string,
  settings: HostedClientSettings & Pick<UpdateUserPoolClientCommandInput, 'ClientName'>,
): Promise<void> {
  const { UserPoolClient: current } = await cognito.send(
    new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }),
  );
  const registered = [...(current?.CallbackURLs ?? [])].sort();
  const wanted = [...(settings.CallbackURLs ?? [])].sort();
  if (registered.join('\n') === wanted.join('\n')) return;
  // Cognito resets what an update leaves out, so the update restates every setting.
  await cognito.send(new UpdateUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId, ...settings }));
}

function indexSchema(index: (typeof TABLE_DEFINITION.globalSecondaryIndexes)[number]) {
  return {
    IndexName: index.indexName,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
    ],
  };
}
