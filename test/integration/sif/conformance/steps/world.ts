/**
 * The state of one SIF scenario, kept the way apickli keeps it: request headers (SIF's defaults
 * first), the request body and query parameters (they stay set for the following requests), the
 * last response, and variables in global scope shared by every scenario. Every response is also
 * checked against the OpenAPI document.
 */
import { setDefaultTimeout, setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import { assertResponseMatchesDocument } from '../../../support/contract.ts';

export interface SifParameters {
  apiUrl: string;
  /** SIF's set-up steps act as its `integrationtests` super user; here that is the stack's admin of `/`. */
  superUser: { email: string; password: string };
}

export interface SifResponse {
  status: number;
  headers: Headers;
  body: string;
}

/** SIF's support/util.ts createApi() defaults. */
// SIF's set-up steps create several users each; cucumber's 5 s per step is too little on a loaded machine.
setDefaultTimeout(60_000);

const DEFAULT_HEADERS = {
  Accept: 'application/json',
  'Content-Type': 'application/json',
  'Accept-Version': '1.0.0',
  'Cache-Control': 'no-cache',
};

export const globalVariables: Record<string, unknown> = {};

export class SifWorld extends World<SifParameters> {
  headers: Record<string, string> = { ...DEFAULT_HEADERS };
  requestBody = '';
  queryParameters: Record<string, string> = {};
  response: SifResponse | undefined;

  constructor(options: IWorldOptions<SifParameters>) {
    super(options);
  }

  /** apickli's addRequestHeader: a header set twice carries both values, comma-separated. */
  addRequestHeader(name: string, value: string) {
    const values = this.headers[name] ? this.headers[name].split(',') : [];
    this.headers[name] = [...values, replaceVariables(value)].join(',');
  }

  setRequestHeader(name: string, value: string) {
    delete this.headers[name];
    this.addRequestHeader(name, value);
  }

  lastResponse(): SifResponse {
    if (!this.response) throw new Error('No request was sent in this scenario yet');
    return this.response;
  }

  /**
   * Sends the request as apickli does, with one difference: the body goes only with POST, PUT and
   * PATCH. apickli's HTTP library also sends it with a later GET or DELETE of the same scenario,
   * which API Gateway passes on and this service refuses (a body on a route that takes none).
   */
  async send(method: string, resource: string): Promise<void> {
    const path = replaceVariables(resource);
    const query = Object.entries(this.queryParameters)
      .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
      .join('&');
    const url = `${this.parameters.apiUrl}${path}${query ? `${path.includes('?') ? '&' : '?'}${query}` : ''}`;
    const withBody = ['POST', 'PUT', 'PATCH'].includes(method) && this.requestBody.length > 0;
    const response = await fetch(url, { method, headers: this.headers, body: withBody ? this.requestBody : undefined });
    this.response = { status: response.status, headers: response.headers, body: await response.text() };
    // A SIF client's answers must be ones the OpenAPI document promises, as our own client's are.
    assertResponseMatchesDocument(method, path, response.status, this.response.body ? JSON.parse(this.response.body) : undefined);
  }
}

/** apickli's `variable` substitution: scenario text may name a global variable between backticks. */
export function replaceVariables(text: string): string {
  return text.replace(/`([^`]+)`/g, (_, name: string) => String(globalVariables[name]));
}

setWorldConstructor(SifWorld);
