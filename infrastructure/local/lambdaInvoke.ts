/**
 * Local only, never part of the route manifest: the Lambda Invoke API
 * (`POST /2015-03-31/functions/{name}/invocations`) for the Cognito triggers, so cognito-local
 * (configured with this gateway as its `LambdaClient.endpoint`) runs the same trigger handlers
 * Cognito runs on AWS. Answers as Lambda does: 200 with the handler's JSON result, or 200 with
 * `X-Amz-Function-Error: Unhandled` and `{errorMessage}` when the handler throws.
 */
import type { Context } from 'aws-lambda';
import { runAsFunction } from './commandRecorder.ts';
import type { LocalResponse } from './gateway.ts';
import { lambdaContext, type IncomingRequest } from './lambdaEvents.ts';
import { errorFields, log } from '../../shared/observability/logger.ts';

/** Cognito trigger -> function name, as written into cognito-local's `TriggerFunctions`. */
export const LOCAL_TRIGGER_FUNCTIONS = { PreSignUp: 'preSignUp', PostConfirmation: 'postConfirmation' } as const;

/** Function name -> handler module under `functions/`. */
const TRIGGER_MODULES: Record<string, string> = {
  preSignUp: 'triggers/preSignUp',
  postConfirmation: 'triggers/postConfirmation',
};

type TriggerHandler = (event: unknown, context: Context) => Promise<unknown>;

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

export async function lambdaInvocations(request: IncomingRequest): Promise<LocalResponse | undefined> {
  const match = request.method === 'POST' ? INVOKE_PATH.exec(request.path) : null;
  if (!match) return undefined;
  const name = decodeURIComponent(match[1]!);
  const module = TRIGGER_MODULES[name];
  if (!module) {
    return {
      statusCode: 404,
      headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'ResourceNotFoundException' },
      body: JSON.stringify({ Type: 'User', message: `Function not found: ${name}` }),
    };
  }
  const { handler } = (await import(/* @vite-ignore */ new URL(`../../functions/${module}.ts`, import.meta.url).href)) as {
    handler: TriggerHandler;
  };
  try {
    const result = await runAsFunction(name, () =>
      handler(request.body ? JSON.parse(request.body) : {}, lambdaContext(name, request.requestId)),
    );
    return { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(result ?? null) };
  } catch (error) {
    log.error(`trigger ${name} failed`, errorFields(error));
    return {
      statusCode: 200,
      headers: { 'Content-Type': 'application/json', 'X-Amz-Function-Error': 'Unhandled' },
      body: JSON.stringify({
        errorMessage: (error as Error).message ?? String(error),
        errorType: (error as Error).name ?? 'Error',
      }),
    };
  }
}
