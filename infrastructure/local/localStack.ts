/**
 * The whole local stack in one call: DynamoDB Local, cognito-local, the table and user pool,
 * the seeded root group and admin, and the gateway running the real handlers and authorizer.
 * `npm start` and the integration tests both use it; only ports and the data folder differ.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generatePassword, type PasswordRules } from '../../shared/config/passwordPolicy.ts';
import { CognitoIdentity } from '../../shared/identity/cognitoIdentity.ts';
import { createDocumentClient } from '../../shared/store/client.ts';
import { seedRootAndAdmin } from '../../shared/services/seedService.ts';
import { startCognitoLocal } from './cognitoLocal.ts';
import { installCommandRecorder } from './commandRecorder.ts';
import { devPages } from './devPages.ts';
import { startDynamoLocal } from './dynamoLocal.ts';
import { eventPages } from './eventPages.ts';
import { LocalEventSink } from './eventSink.ts';
import { startGateway, type RunningGateway } from './gateway.ts';
import { hostedLoginProxy } from './hostedLoginProxy.ts';
import { lambdaInvocations, LOCAL_TRIGGER_FUNCTIONS } from './lambdaInvoke.ts';
import { freePort } from './ports.ts';
import { ensureTable, ensureUserPool, LOCAL_TABLE_NAME, type LocalUserPool } from './provision.ts';
import { environmentVariables } from '../../shared/config/environment.ts';
import { startStreamPoller, type StreamPoller } from './streamPoller.ts';

export interface LocalStackOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Where the gateway listens (default 127.0.0.1). The emulators always stay on 127.0.0.1. */
  host?: string;
  dynamoPort: number;
  cognitoPort: number;
  adminEmail: string;
  adminPassword?: string;
  authorizerCacheSeconds: number;
  /** Tests only: every emulator confirmation code is this. */
  fixedCode?: string;
  /** Tests only: record the AWS actions each function sends (`GET /dev/commands`). */
  recordCommands?: boolean;
  /** Tests only: the service enforces this password policy instead of ours (the SIF conformance run). */
  passwordPolicy?: PasswordRules;
  log?: (message: string) => void;
}

export interface LocalStack {
  apiUrl: string;
  cognitoEndpoint: string;
  dynamoEndpoint: string;
  tableName: string;
  userPool: LocalUserPool;
  admin: { email: string; password: string };
  gateway: RunningGateway;
  stop(): Promise<void>;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const [port, dynamoPort, cognitoPort] = await Promise.all(
    [options.port, options.dynamoPort, options.cognitoPort].map((p) => (p === 0 ? freePort() : p)),
  );
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch(() => undefined);
  };
  // Codes the emulator "emails" land here, read by the local outbox (GET /dev/outbox).
  const emulatorOutbox = join(dataDir, 'emulator-outbox.jsonl');
  try {
    log('starting DynamoDB Local and cognito-local');
    const [dynamo, cognito] = await Promise.all([
      startDynamoLocal({ port: dynamoPort!, dataDir: join(dataDir, 'dynamodb') }),
      startCognitoLocal({
        port: cognitoPort!,
        dataDir: join(dataDir, 'cognito'),
        fixedCode: options.fixedCode,
        outboxFile: emulatorOutbox,
        // Its triggers call the gateway's local Lambda Invoke endpoint; the gateway's port is already chosen.
        triggers: { endpoint: `http://127.0.0.1:${port}`, functions: LOCAL_TRIGGER_FUNCTIONS },
      }),
    ]);
    stops.push(dynamo.stop, cognito.stop);

    const apiUrl = `http://127.0.0.1:${port}`;
    await ensureTable(dynamo.endpoint);
    const table = { doc: createDocumentClient(dynamo.endpoint), tableName: LOCAL_TABLE_NAME };
    const userPool = await ensureUserPool(cognito.endpoint, [`${apiUrl}/login/callback`]);
    Object.assign(process.env, {
      AWS_REGION: process.env.AWS_REGION ?? 'local',
      ...environmentVariables({
        tableName: LOCAL_TABLE_NAME,
        emulatorOutbox,
        dynamoEndpoint: dynamo.endpoint,
        cognitoEndpoint: cognito.endpoint,
        userPoolId: userPool.userPoolId,
        apiClientId: userPool.apiClientId,
        clientIds: [userPool.apiClientId, userPool.hostedClientId].join(','),
        hostedClientId: userPool.hostedClientId,
        // The emulator serves the hosted sign-in form and token endpoint, through the gateway (hostedLoginProxy.ts).
        hostedDomain: apiUrl,
      }),
    });
    if (options.passwordPolicy) process.env.IAM_LOCAL_PASSWORD_POLICY = JSON.stringify(options.passwordPolicy);

    const admin = {
      email: options.adminEmail.toLowerCase(),
      password: options.adminPassword ?? rememberedAdminPassword(dataDir),
    };
    log(`seeding / and its admin ${admin.email}`);
    await seedRootAndAdmin(
      table,
      new CognitoIdentity({ userPoolId: userPool.userPoolId, apiClientId: userPool.apiClientId, endpoint: cognito.endpoint }),
      { adminEmail: admin.email, adminPassword: admin.password, requestId: 'local-seed' },
    );

    // Change events: the table's stream, read by the same consumer as on AWS, into a local bus (GET /dev/events).
    const sink = new LocalEventSink(join(dataDir, 'events.jsonl'));
    const startPoller = () =>
      startStreamPoller({
        dynamoEndpoint: dynamo.endpoint,
        tableName: LOCAL_TABLE_NAME,
        checkpointFile: join(dataDir, 'events-checkpoint.json'),
        deadLetterFile: join(dataDir, 'events-dead-letters.jsonl'),
        sink,
      });
    let poller: StreamPoller = await startPoller();
    stops.push(() => poller.stop());
    const restartPoller = async () => {
      await poller.stop();
      poller = await startPoller();
    };

    if (options.recordCommands) installCommandRecorder();
    const hostedLogin = hostedLoginProxy(cognito.endpoint);
    const gateway = await startGateway({
      port: port!,
      host: options.host,
      authorizerCacheSeconds: options.authorizerCacheSeconds,
      extraPages: async (request) =>
        (await lambdaInvocations(request)) ??
        (await hostedLogin(request)) ??
        (await eventPages(request, { sink, restartPoller })) ??
        devPages(request),
    });
    stops.push(gateway.stop);
    return {
      apiUrl: gateway.url,
      cognitoEndpoint: cognito.endpoint,
      dynamoEndpoint: dynamo.endpoint,
      tableName: LOCAL_TABLE_NAME,
      userPool,
      admin,
      gateway,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Generated once per data folder and kept there (git-ignored), so a restart prints the same credentials. */
function rememberedAdminPassword(dataDir: string): string {
  const file = join(dataDir, 'admin-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = generatePassword();
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}
