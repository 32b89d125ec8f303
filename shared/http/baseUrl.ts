import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { HeaderMap } from './headers.ts';

/**
 * This API's base URL as the client sees it, from what API Gateway puts in the event:
 * `https://{domainName}/{stage}` on the execute-api domain, `https://{domainName}/{mapping}` on a
 * custom domain, and the local gateway's own address (it sends `X-Forwarded-Proto: http`).
 */
export function apiBaseUrl(
  event: Pick<APIGatewayProxyEvent, 'resource' | 'pathParameters' | 'requestContext'>,
  headers: HeaderMap,
): string {
  const { domainName, path: requestedPath, stage } = event.requestContext ?? {};
  const proto = headers['x-forwarded-proto']?.split(',')[0]?.trim() || 'https';
  const host = domainName ?? headers.host ?? 'localhost';
  return `${proto}://${host}${basePath(requestedPath, resourcePath(event), stage)}`;
}

/** The path below the base: the resource template with its parameters filled in, e.g. `/docs/swagger-ui.css`. */
function resourcePath(event: Pick<APIGatewayProxyEvent, 'resource' | 'pathParameters'>): string {
  return (event.resource ?? '').replace(/\{([^}+]+)\+?\}/g, (_, name: string) => event.pathParameters?.[name] ?? '');
}

/** What the client's path has before the resource: the stage, a custom domain's base path mapping, or nothing locally. */
function basePath(requestedPath: string | undefined, resource: string, stage: string | undefined): string {
  const requested = safeDecode(requestedPath ?? '');
  const below = safeDecode(resource);
  if (below && requested.endsWith(below)) return requested.slice(0, requested.length - below.length).replace(/\/$/, '');
  return stage ? `/${stage}` : '';
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
