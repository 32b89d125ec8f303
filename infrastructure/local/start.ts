/** `npm start`: the whole local stack in one process tree; Ctrl-C stops every child. */
import { startLocalStack } from './localStack.ts';

const env = process.env;
const stack = await startLocalStack({
  dataDir: env.IAM_LOCAL_DATA_DIR ?? '.local',
  port: Number(env.PORT ?? 3000),
  host: env.HOST ?? '127.0.0.1',
  dynamoPort: Number(env.DYNAMODB_PORT ?? 8800),
  cognitoPort: Number(env.COGNITO_PORT ?? 9229),
  adminEmail: env.IAM_ADMIN_EMAIL ?? 'admin@example.com',
  adminPassword: env.IAM_ADMIN_PASSWORD,
  authorizerCacheSeconds: Number(env.AUTHORIZER_CACHE_SECONDS ?? 30),
  log: (message) => console.log(`· ${message}`),
});

console.log(`
SME IAM is running locally.
  API         ${stack.apiUrl}
  Swagger UI  ${stack.apiUrl}/docs
  Sign in     ${stack.apiUrl}/login
  API login   POST ${stack.apiUrl}/auth/login
  Outbox      ${stack.apiUrl}/dev/outbox
  Admin       ${stack.admin.email}
  Password    ${stack.admin.password}

Try:
  TOKEN=$(curl -s -X POST ${stack.apiUrl}/auth/login -H 'Content-Type: application/json' \\
    -d '{"email":"${stack.admin.email}","password":"${stack.admin.password}"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).accessToken')
  curl -s ${stack.apiUrl}/groups/%2F -H "Authorization: Bearer $TOKEN" -H 'Accept-Version: 1.0.0'

Ctrl-C stops everything; data stays in ${env.IAM_LOCAL_DATA_DIR ?? '.local'}/.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('stopping…');
    void stack.stop().then(() => process.exit(0));
  });
}
