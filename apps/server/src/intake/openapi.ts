// The OpenAPI 3.1 document of the intake API, generated from the same zod schemas the endpoints validate with,
// and a readable HTML page of it (no scripts: the page works under a strict Content-Security-Policy).
import { z } from 'zod';
import { SERVER_VERSION } from '../version';
import { zIntakeBatch, zIntakeMessage } from './message';

const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return rest;
};

const zResult = z.object({ caseId: z.string().uuid(), created: z.boolean() });
const zBatchResult = z.object({
  results: z.array(
    z.union([
      z.object({ index: z.number().int(), caseId: z.string().uuid(), created: z.boolean() }),
      z.object({ index: z.number().int(), error: z.object({ path: z.string(), message: z.string() }) }),
    ]),
  ),
  created: z.number().int(),
  existing: z.number().int(),
  failed: z.number().int(),
});
const zError = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().nullable() }),
});

export function intakeOpenApi() {
  /** A JSON body of the named schema of `components.schemas`. */
  const json = (schema: 'IntakeMessage' | 'IntakeBatch' | 'IntakeResult' | 'IntakeBatchResult' | 'Error') => ({
    'application/json': { schema: { $ref: `#/components/schemas/${schema}` } },
  });
  const response = (description: string, schema: Parameters<typeof json>[0]) => ({
    description,
    content: json(schema),
  });
  const errorResponse = (description: string) => response(description, 'Error');
  /** What every intake endpoint refuses: a bad body, a missing or revoked key, an archived organisation, a body over
   *  its size limit. */
  const refusals = (invalid: string, tooLarge: string) => ({
    '400': errorResponse(invalid),
    '401': errorResponse('Missing, unknown or revoked API key'),
    '403': errorResponse('The organisation is archived: it takes no new messages'),
    '413': errorResponse(tooLarge),
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Otklik intake API',
      version: SERVER_VERSION,
      description:
        'Messages from monitoring systems. Authenticate with an ' +
        'organisation API key (admin screen → API keys): `Authorization: Bearer otk_…`. Delivery is idempotent by ' +
        '(network, externalId): repeating a message returns the existing case.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'Organisation API key (otk_…)' } },
      schemas: {
        IntakeMessage: jsonSchema(zIntakeMessage),
        IntakeBatch: {
          ...jsonSchema(zIntakeBatch),
          properties: {
            messages: {
              type: 'array',
              minItems: 1,
              maxItems: 500,
              items: { $ref: '#/components/schemas/IntakeMessage' },
            },
          },
        },
        IntakeResult: jsonSchema(zResult),
        IntakeBatchResult: jsonSchema(zBatchResult),
        Error: jsonSchema(zError),
      },
    },
    security: [{ apiKey: [] }],
    paths: {
      '/api/intake': {
        post: {
          operationId: 'intakeMessage',
          summary: 'Deliver one message',
          requestBody: { required: true, content: json('IntakeMessage') },
          responses: {
            '201': response('A new case was registered', 'IntakeResult'),
            '200': response('Already delivered: the existing case', 'IntakeResult'),
            ...refusals('Invalid message (details.issues lists every field)', 'Body larger than 256 KB'),
          },
        },
      },
      '/api/intake/batch': {
        post: {
          operationId: 'intakeBatch',
          summary: 'Deliver up to 500 messages; each is accepted or refused on its own',
          requestBody: { required: true, content: json('IntakeBatch') },
          responses: {
            '200': response('Per message: its case, or why it was refused', 'IntakeBatchResult'),
            ...refusals('Not a batch (e.g. empty or more than 500 messages)', 'Body larger than 5 MB'),
          },
        },
      },
    },
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  description?: string;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  maxLength?: number;
  maxItems?: number;
  default?: unknown;
  $ref?: string;
};

function typeOf(s: JsonSchema): string {
  if (s.$ref) return s.$ref.split('/').pop() ?? 'object';
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.anyOf) return s.anyOf.map(typeOf).join(' | ');
  if (s.type === 'array' && s.items) return `${typeOf(s.items)}[]`;
  return Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'any');
}

function fieldsTable(schema: JsonSchema): string {
  const rows = Object.entries(schema.properties ?? {}).map(([name, s]) => {
    const notes = [
      s.description,
      s.maxLength !== undefined ? `max ${s.maxLength} chars` : '',
      s.maxItems !== undefined ? `max ${s.maxItems} items` : '',
      s.default !== undefined ? `default ${JSON.stringify(s.default)}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    const required = schema.required?.includes(name) ? 'yes' : '';
    return `<tr><td><code>${escapeHtml(name)}</code></td><td><code>${escapeHtml(typeOf(s))}</code></td><td>${required}</td><td>${escapeHtml(notes)}</td></tr>`;
  });
  return `<table><thead><tr><th>field</th><th>type</th><th>required</th><th>notes</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** /api/docs: the document as a page, rendered on the server. */
export function intakeDocsHtml(): string {
  const doc = intakeOpenApi();
  const schemas = doc.components.schemas as Record<string, JsonSchema>;
  const sections = Object.entries(doc.paths).map(([path, ops]) =>
    Object.entries(ops)
      .map(([method, op]) => {
        const responses = Object.entries(op.responses)
          .map(([code, r]) => `<li><code>${code}</code> ${escapeHtml(r.description)}</li>`)
          .join('');
        return `<section><h2><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h2><p>${escapeHtml(op.summary)}</p><ul>${responses}</ul></section>`;
      })
      .join(''),
  );
  const models = Object.entries(schemas)
    .map(([name, s]) => `<section><h3 id="${escapeHtml(name)}">${escapeHtml(name)}</h3>${fieldsTable(s)}</section>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Otklik intake API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccd;padding:.3rem .5rem;text-align:left;vertical-align:top}
code{background:#f3f4f6;padding:0 .2rem;border-radius:3px}h2{margin-top:2rem}</style></head><body>
<h1>Otklik intake API <small>${escapeHtml(doc.info.version)}</small></h1>
<p>${escapeHtml(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${doc.openapi}).</p>
${sections.join('')}
<h2>Models</h2>${models}
</body></html>`;
}
