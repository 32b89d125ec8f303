import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { apiBaseUrl } from '../../shared/http/baseUrl.ts';

type EventPart = Pick<APIGatewayProxyEvent, 'resource' | 'pathParameters' | 'requestContext'>;

function event(
  resource: string,
  requestContext: Record<string, unknown>,
  pathParameters: Record<string, string> | null = null,
): EventPart {
  return { resource, pathParameters, requestContext: requestContext as unknown as APIGatewayProxyEvent['requestContext'] };
}

describe('apiBaseUrl', () => {
  it('is https, the execute-api domain and the stage on AWS', () => {
    const base = apiBaseUrl(
      event(
        '/docs/{file}',
        { domainName: 'abc123.execute-api.eu-west-2.amazonaws.com', stage: 'prod', path: '/prod/docs/swagger-ui.css' },
        { file: 'swagger-ui.css' },
      ),
      { 'x-forwarded-proto': 'https' },
    );

    expect(base).toBe('https://abc123.execute-api.eu-west-2.amazonaws.com/prod');
  });

  it('is the custom domain and its base path mapping, without the stage', () => {
    expect(
      apiBaseUrl(event('/login', { domainName: 'api.bank.example', stage: 'prod', path: '/iam/login' }), {
        'x-forwarded-proto': 'https',
      }),
    ).toBe('https://api.bank.example/iam');
    expect(apiBaseUrl(event('/login', { domainName: 'api.bank.example', stage: 'prod', path: '/login' }), {})).toBe(
      'https://api.bank.example',
    );
  });

  it('is the local gateway address, over http, without a stage', () => {
    const base = apiBaseUrl(event('/swagger.json', { domainName: '127.0.0.1:3000', stage: 'local', path: '/swagger.json' }), {
      'x-forwarded-proto': 'http',
    });

    expect(base).toBe('http://127.0.0.1:3000');
  });

  it('falls back to the Host header and the stage when the event lacks them', () => {
    expect(apiBaseUrl(event('/groups/{groupId}', { stage: 'prod' }, { groupId: '%2Facme' }), { host: 'example.test' })).toBe(
      'https://example.test/prod',
    );
  });
});
