import type { FastifyInstance } from 'fastify';
import type { Document } from 'openapi-backend';
import { type Exchange, OpenApiResponseValidator } from './openapi-validator.js';

/** One validator per distinct document: the apps of a test file usually serve the same one. */
const validators = new Map<string, Promise<OpenApiResponseValidator>>();

/**
 * Records every answer a test app sends (an onSend hook: the status, headers and payload
 * exactly as they go out) and checks them against the document that app serves at
 * /api/docs-json. `takeViolations()` checks what came since the last call.
 */
export class ResponseWatch {
  private pending: Exchange[] = [];
  private validator: OpenApiResponseValidator | undefined;

  constructor(fastify: FastifyInstance) {
    fastify.addHook('onSend', (request, reply, payload, done) => {
      const streamed = payload !== null && payload !== undefined && typeof payload === 'object' && !Buffer.isBuffer(payload);
      this.pending.push({
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        headers: { ...reply.getHeaders() },
        body: typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : null,
        streamed,
      });
      done(null, payload);
    });
  }

  /** Loads the served document (that request is checked against it too). */
  async start(baseUrl: string): Promise<void> {
    const text = await (await fetch(`${baseUrl}/api/docs-json`)).text();
    if (!validators.has(text)) validators.set(text, OpenApiResponseValidator.load(JSON.parse(text) as Document));
    this.validator = await validators.get(text);
  }

  takeViolations(): string[] {
    if (!this.validator) return [];
    const exchanges = this.pending;
    this.pending = [];
    return exchanges.flatMap((exchange) => this.validator!.violations(exchange));
  }
}

/** The failure message for a list of violations (the first few in full). */
export function violationReport(violations: string[]): string {
  const shown = violations.slice(0, 15).map((v) => `  - ${v}`).join('\n');
  const more = violations.length > 15 ? `\n  … and ${violations.length - 15} more` : '';
  return `${violations.length} answer(s) do not match the served OpenAPI document (/api/docs-json). Fix the document (apps/api/src/openapi) or report the server:\n${shown}${more}`;
}
