// The page's only way to the graph: trusted documents by id (`documentId`), never a query text.
// The gateway holds the documents (dist/trusted-documents.json, written by the same build).
import { documentIds } from 'virtual:trusted-documents';
import { bearerToken } from './auth.js';

export type OperationName = keyof typeof documentIds;

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; service?: string; serviceName?: string; field?: string };
}

export interface Result<T> {
  data: T | null;
  errors: GraphQLError[];
}

/** The gateway refused the token (absent, expired, not trusted): sign in again. */
export class SignInRequired extends Error {}

export interface PageConfig {
  graphqlPath: string;
  devTokens: string | null;
  identityProvider: { loginUrl: string } | null;
}

let config: PageConfig = { graphqlPath: '/graphql', devTokens: null, identityProvider: null };

export async function loadConfig(): Promise<PageConfig> {
  const res = await fetch('/dashboard/config.json', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`读取页面配置失败(${res.status})`);
  config = (await res.json()) as PageConfig;
  return config;
}

export async function run<T>(operation: OperationName, variables: Record<string, unknown>): Promise<Result<T>> {
  const token = bearerToken();
  if (!token) throw new SignInRequired();
  const res = await fetch(config.graphqlPath, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ documentId: documentIds[operation], variables }),
  });
  if (res.status === 401) throw new SignInRequired();
  const body = (await res.json().catch(() => null)) as { data?: T | null; errors?: GraphQLError[] } | null;
  if (!body) throw new Error(`接口返回异常(HTTP ${res.status})`);
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

/** The error that made the value at `path` null (the path itself or its parent chain), if any. */
export function errorAt(errors: GraphQLError[], path: (string | number)[]): GraphQLError | undefined {
  return errors.find((e) => e.path && e.path.length <= path.length && e.path.every((p, i) => p === path[i]));
}

/** What a person reads for a block the API left empty. */
export function unavailableText(error: GraphQLError | undefined): string {
  switch (error?.extensions?.code) {
    case 'FORBIDDEN':
      return '无权查看';
    case 'SUBGRAPH_UNAVAILABLE':
      return '服务暂不可用';
    case undefined:
      return '暂无数据';
    default:
      return error?.message || '暂无数据';
  }
}
