/**
 * API Gateway's own refusals (authorizer 401, throttling, unknown routes, 5xx) in the service's
 * error shape, with CORS headers so browsers can read them.
 */
import { ResponseType, type RestApi } from 'aws-cdk-lib/aws-apigateway';
import { errorBody } from '../../shared/http/errors.ts';

interface GatewayError {
  type: ResponseType;
  status: number;
  /** A fixed message; otherwise API Gateway's own. */
  message?: string;
  headers?: Record<string, string>;
}

// Gateway response templates are not VTL, so a response cannot compute its status: each type gets a fixed one.
export const GATEWAY_ERRORS: GatewayError[] = [
  { type: ResponseType.UNAUTHORIZED, status: 401 },
  { type: ResponseType.ACCESS_DENIED, status: 403 },
  // Without IAM auth, API Gateway answers an unknown path or method with this type (403 "Missing Authentication Token").
  { type: ResponseType.MISSING_AUTHENTICATION_TOKEN, status: 404, message: 'No such route' },
  { type: ResponseType.REQUEST_TOO_LARGE, status: 413 },
  { type: ResponseType.THROTTLED, status: 429, headers: { 'Retry-After': '1' } },
  { type: ResponseType.DEFAULT_4XX, status: 400 },
  { type: ResponseType.DEFAULT_5XX, status: 500 },
];

const GATEWAY_MESSAGE = '$context.error.messageString';

export function gatewayErrorTemplate(error: GatewayError): string {
  if (error.message !== undefined) return JSON.stringify(errorBody(error.status, error.message));
  // messageString is already a quoted JSON string.
  const placeholder = 'GATEWAY_MESSAGE';
  return JSON.stringify(errorBody(error.status, placeholder)).replace(JSON.stringify(placeholder), GATEWAY_MESSAGE);
}

export function addGatewayResponses(api: RestApi, corsHeaders: Record<string, string>): void {
  for (const error of GATEWAY_ERRORS) {
    const headers = { ...corsHeaders, ...error.headers };
    api.addGatewayResponse(error.type.responseType, {
      type: error.type,
      statusCode: String(error.status),
      // Header values in gateway responses are literals only when single-quoted.
      responseHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, `'${value}'`])),
      templates: { 'application/json': gatewayErrorTemplate(error) },
    });
  }
}
