// Files the gateway serves itself (the offline explorer, the dashboard page): in memory, with an
// ETag, gzip for text, and HEAD. Nothing here reads a path from the request: callers register the
// exact paths they serve.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Served {
  type: string;
  raw: Buffer;
  etag: string;
  gzipped?: Buffer;
}

export function served(type: string, raw: Buffer): Served {
  return { type, raw, etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"` };
}

/** Content types of the files a built page consists of (by extension). */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Text compresses; fonts and images already are. */
function compressible(type: string): boolean {
  return /^text\/|javascript|json|svg/.test(type);
}

/**
 * Answers GET/HEAD with the body (304 when the client's ETag matches). By default the client
 * revalidates every time; pass a `cache-control` for files whose name changes with their content.
 */
export function send(req: IncomingMessage, res: ServerResponse, body: Served, extraHeaders: Record<string, string> = {}, status = 200): void {
  const headers: Record<string, string | number> = {
    'content-type': body.type,
    'cache-control': 'no-cache',
    etag: body.etag,
    vary: 'accept-encoding',
    'x-content-type-options': 'nosniff',
    ...extraHeaders,
  };
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === body.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const gzip = compressible(body.type) && body.raw.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (gzip) {
    body.gzipped ??= gzipSync(body.raw);
    headers['content-encoding'] = 'gzip';
  }
  const data = gzip ? body.gzipped! : body.raw;
  headers['content-length'] = data.length;
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : data);
}
