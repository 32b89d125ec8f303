/**
 * Checks a response against the committed OpenAPI document (docs/swagger.json): its status must
 * be documented for the operation, and its JSON body must match that status's schema (ajv,
 * JSON Schema 2020-12 as OpenAPI 3.1 uses it). Requests outside the document (local-only pages,
 * hidden routes, unknown paths) are not checked.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

interface MediaType {
  schema?: unknown;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
}
interface Operation {
  operationId: string;
  responses: Record<string, ResponseObject>;
}
type PathItem = Record<string, Operation>;

const DOCUMENT_ID = 'swagger.json';
const document = JSON.parse(readFileSync(new URL('../../../docs/swagger.json', import.meta.url), 'utf8')) as {
  paths: Record<string, PathItem>;
};

const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats.default(ajv);
ajv.addSchema({ ...document, $id: DOCUMENT_ID });

const templates = Object.keys(document.paths).map((template) => ({ template, segments: template.split('/') }));

/** The document's path template for a request path; literal segments win over parameters (`/users/me` over `/users/{email}`). */
function templateFor(path: string): string | undefined {
  const segments = path.split('/');
  const matches = templates.filter(
    (candidate) =>
      candidate.segments.length === segments.length &&
      candidate.segments.every((segment, i) => segment.startsWith('{') || segment === segments[i]),
  );
  const literals = (candidate: (typeof templates)[number]) =>
    candidate.segments.filter((segment) => !segment.startsWith('{')).length;
  return matches.sort((a, b) => literals(b) - literals(a))[0]?.template;
}

const validators = new Map<string, ValidateFunction>();
const pointer = (...parts: string[]) => parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

function validatorFor(template: string, method: string, status: string): ValidateFunction {
  const key = `${template} ${method} ${status}`;
  let validate = validators.get(key);
  if (!validate) {
    const ref = `${DOCUMENT_ID}#/${pointer('paths', template, method, 'responses', status, 'content', 'application/json', 'schema')}`;
    validate = ajv.compile({ $ref: ref });
    validators.set(key, validate);
  }
  return validate;
}

/** Throws, naming the operation and what differs, when the response is not what the document promises. */
export function assertResponseMatchesDocument(
  method: string,
  url: string,
  status: number,
  body: unknown,
  textMediaType?: string,
): void {
  const path = url.split('?')[0]!;
  const template = templateFor(path);
  const operation = template ? document.paths[template]![method.toLowerCase()] : undefined;
  if (!template || !operation) return;
  const where = `${method} ${path} (${operation.operationId})`;
  const documented = operation.responses[String(status)];
  if (!documented) {
    throw new Error(
      `${where} answered ${status}, which the document does not list (${Object.keys(operation.responses).join(', ')})`,
    );
  }
  if (textMediaType !== undefined) {
    if (!documented.content?.[textMediaType])
      throw new Error(`${where} answered ${status} as ${textMediaType}, which the document does not list`);
    return;
  }
  if (!documented.content?.['application/json']) {
    if (body !== undefined) throw new Error(`${where} answered ${status} with a body, where the document promises none`);
    return;
  }
  const validate = validatorFor(template, method.toLowerCase(), String(status));
  if (!validate(body)) {
    throw new Error(
      `${where} answered ${status} with a body the document does not allow: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`,
    );
  }
}
