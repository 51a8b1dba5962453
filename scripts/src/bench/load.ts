// A closed-loop load generator: `concurrency` clients, each sending its next request as soon as the
// previous answer is read, over keep-alive connections (undici, lean enough not to steal the CPU
// the measured processes need on a small machine).
import { Pool } from 'undici';

/** One GraphQL request: the operation, its variables and who sends it. */
export interface BenchRequest {
  query: string;
  variables?: Record<string, unknown>;
  token: string;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** The first few error messages (GraphQL errors or transport failures). */
  errorSamples: string[];
  /** Latency of each successful request, ms. */
  latencies: number[];
  elapsedMs: number;
}

export interface LoadOptions {
  url: string;
  concurrency: number;
  durationMs: number;
  /** The i-th request (variables and persona vary from one request to the next). */
  next(i: number): BenchRequest;
}

/** Sends one request; a GraphQL error (any `errors` entry) or a non-200 answer counts as an error. */
export async function send(pool: Pool, path: string, request: BenchRequest): Promise<{ ok: true; data: unknown } | { ok: false; error: string }> {
  try {
    const response = await pool.request({
      path,
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization: `Bearer ${request.token}` },
      body: JSON.stringify({ query: request.query, variables: request.variables }),
    });
    const text = await response.body.text();
    let body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return { ok: false, error: `HTTP ${response.statusCode}: ${text.slice(0, 200)}` };
    }
    if (body.errors?.length) return { ok: false, error: body.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ') };
    if (response.statusCode !== 200) return { ok: false, error: `HTTP ${response.statusCode}` };
    return { ok: true, data: body.data };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}

export function createPool(url: string, connections: number): { pool: Pool; path: string } {
  const u = new URL(url);
  return { pool: new Pool(u.origin, { connections, keepAliveTimeout: 4000 }), path: u.pathname };
}

/** Runs the load for `durationMs` and returns what was counted. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { pool, path } = createPool(options.url, options.concurrency);
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let i = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  try {
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (performance.now() < deadline) {
          const request = options.next(i++);
          const t = performance.now();
          const result = await send(pool, path, request);
          if (result.ok) latencies.push(performance.now() - t);
          else {
            errors += 1;
            if (errorSamples.length < 3) errorSamples.push(result.error.slice(0, 300));
          }
        }
      }),
    );
  } finally {
    await pool.close();
  }
  return { requests: latencies.length + errors, errors, errorSamples, latencies, elapsedMs: performance.now() - started };
}

/** The p-th percentile of sorted values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
