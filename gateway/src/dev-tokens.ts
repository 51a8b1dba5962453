// Development sign-in for the dashboard's persona picker: tokens for the development personas,
// signed with the development key the gateway itself trusts. Registered only when the gateway
// verifies tokens with that local key and is not in production (gateway.ts): wherever tokens come
// from an identity provider, these routes do not exist.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PERSONAS, type Caller } from '@jiefen/auth';
import { HttpError, type RouteHandler } from '@jiefen/subgraph-kit';

export const DEV_TOKENS_PATH = '/dev';

/** A persona as the picker lists it. */
export interface DevPersona {
  key: string;
  name: string;
  organizationName: string;
  agency: string;
  roles: string[];
  jurisdiction: string;
  description: string;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  // A JSON body only: a cross-site form cannot send one without a CORS preflight, which this route never grants.
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    throw new HttpError(415, '请求体须为 application/json', 'UNSUPPORTED_MEDIA_TYPE');
  }
  let raw = '';
  for await (const chunk of req) {
    raw += String(chunk);
    if (raw.length > 4096) throw new HttpError(413, '请求体过大', 'PAYLOAD_TOO_LARGE');
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, '请求体不是合法的 JSON', 'BAD_REQUEST');
  }
}

/** `GET /dev/personas` (who can be picked) and `POST /dev/token` `{ "persona": "leader" }` → `{ token }`. */
export function createDevTokenRoutes(issue: (caller: Caller) => Promise<string>): Record<string, RouteHandler> {
  const personas: DevPersona[] = Object.entries(PERSONAS).map(([key, p]) => ({
    key,
    name: p.name,
    organizationName: p.organizationName,
    agency: p.agency,
    roles: [...p.roles],
    jurisdiction: p.jurisdiction,
    description: p.description,
  }));
  return {
    [`GET ${DEV_TOKENS_PATH}/personas`]: (_req, res) => json(res, 200, { personas }),
    [`POST ${DEV_TOKENS_PATH}/token`]: async (req, res) => {
      const body = await readJson(req);
      const key = body && typeof body === 'object' ? (body as { persona?: unknown }).persona : undefined;
      const persona = typeof key === 'string' && Object.hasOwn(PERSONAS, key) ? PERSONAS[key] : undefined;
      if (!persona) {
        return json(res, 400, { errors: [{ message: '未知的开发角色', extensions: { code: 'VALIDATION_FAILED', field: 'persona' } }] });
      }
      const { description: _d, organizationName: _o, ...caller } = persona;
      json(res, 200, { token: await issue(caller), persona: key });
    },
  };
}
