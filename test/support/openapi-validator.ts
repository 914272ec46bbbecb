import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Document, type Operation } from 'openapi-backend';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/** One answer as the server sent it: what a validating proxy in front of it would see. */
export interface Exchange {
  method: string;
  /** Path and query, as requested. */
  url: string;
  status: number;
  headers: Record<string, unknown>;
  /** The payload as sent (possibly compressed, see Content-Encoding); null for a stream or no body. */
  body: string | Buffer | null;
  streamed: boolean;
}

/** Not part of the API: the web app, Swagger UI's assets, the realtime transports. */
const OUTSIDE_THE_API = /^\/(?!api(\/|$))|^\/api\/docs\/./;

/**
 * Checks answers against the served OpenAPI document, the way a validating proxy does:
 * the request matches a documented operation (with the contract's trailing slash, which
 * the server also answers without), the status is documented for it, and the headers and
 * body match what the document says. Routing and schema checks are openapi-backend's
 * (Ajv underneath); the document itself is validated against the OpenAPI schema on load.
 */
export class OpenApiResponseValidator {
  private constructor(private readonly api: OpenAPIBackend) {}

  static async load(document: Document): Promise<OpenApiResponseValidator> {
    const api = new OpenAPIBackend({
      definition: structuredClone(document),
      strict: true,
      // quick: validators compiled when first used (compiling every one up front takes seconds per app)
      quick: true,
      ignoreTrailingSlashes: false, // the document names the contract's paths exactly
      customizeAjv: (ajv) => addFormats.default(ajv),
    });
    await api.loadDocument();
    api.validateDefinition(); // against the OpenAPI 3 schema: an invalid document throws here
    await api.init();
    return new OpenApiResponseValidator(api);
  }

  /** What is wrong with this answer, as readable lines (none when it is as documented). */
  violations(exchange: Exchange): string[] {
    const path = exchange.url.split('?')[0];
    if (exchange.method === 'OPTIONS' || OUTSIDE_THE_API.test(path)) return [];
    const where = `${exchange.method} ${exchange.url} → ${exchange.status}`;
    const method = exchange.method === 'HEAD' ? 'get' : exchange.method.toLowerCase();
    const operation = this.match(method, path);
    const body = decoded(exchange);
    if (!operation) {
      // An unknown path gets the contract's 404; anything else there is an undocumented route.
      if (exchange.status === 404 && isDetail(body)) return [];
      return [`${where}: no documented operation matches ${exchange.method} ${path}`];
    }
    const responses = operation.responses ?? {};
    const documented = responses[String(exchange.status)] ?? responses[`${String(exchange.status)[0]}XX`] ?? responses.default;
    if (!documented || '$ref' in documented) return [`${where}: status ${exchange.status} is not documented for ${operation.operationId}`];
    const problems: string[] = [];
    const headers = this.api.validator.validateResponseHeaders(exchange.headers, operation, { statusCode: exchange.status });
    for (const error of headers.errors ?? []) problems.push(`header ${error.instancePath || ''} ${error.message}`);
    // openapi-backend checks the values of the headers sent; which ones must be there is ours to check
    for (const [name, header] of Object.entries(documented.headers ?? {})) {
      if ('required' in header && header.required && exchange.headers[name.toLowerCase()] === undefined) problems.push(`header ${name} is documented as always sent, but is missing`);
    }
    const content = documented.content ?? {};
    const mediaTypes = Object.keys(content);
    const contentType = String(exchange.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (exchange.method === 'HEAD' || exchange.streamed) {
      // no body to check
    } else if (mediaTypes.length === 0) {
      if (body !== undefined) problems.push(`a body was sent where none is documented: ${preview(body)}`);
    } else if (!mediaTypes.includes(contentType)) {
      problems.push(`Content-Type ${contentType || '(none)'} is not one of ${mediaTypes.join(', ')}`);
    } else if (contentType === 'application/json') {
      const result = this.api.validator.validateResponse(body, operation, exchange.status);
      for (const error of result.errors ?? []) problems.push(`body${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
      if (problems.length) problems.push(`body was ${preview(body)}`);
    }
    return problems.map((problem) => `${where} (${operation.operationId}): ${problem}`);
  }

  private match(method: string, path: string): Operation | undefined {
    const tryPath = (p: string) => this.api.router.matchOperation({ method, path: p, headers: {} });
    return tryPath(path) ?? (path.endsWith('/') ? undefined : tryPath(`${path}/`));
  }
}

/** The payload as JSON when it is JSON, as text otherwise; undefined when there is none. */
function decoded(exchange: Exchange): unknown {
  if (exchange.body === null) return undefined;
  let raw: Buffer | string = exchange.body;
  const encoding = String(exchange.headers['content-encoding'] ?? '');
  if (Buffer.isBuffer(raw) && encoding) {
    raw = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : encoding === 'deflate' ? inflateSync(raw) : raw;
  }
  const text = raw.toString();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const isDetail = (body: unknown) => typeof body === 'object' && body !== null && typeof (body as { detail?: unknown }).detail === 'string';

const preview = (body: unknown) => JSON.stringify(body)?.slice(0, 300);
