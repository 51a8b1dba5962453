import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, visit, type ASTNode, type DocumentNode } from 'graphql';
import type { ErrorCode } from '@jiefen/workflow';

/**
 * A request refused before any resolver runs: a stable code, a Chinese message, the HTTP status
 * (4xx) and details (the offending `field`…). The error formatter passes it through as it is.
 */
export class RequestError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, options: { status?: number; nodes?: ASTNode } = {}) {
    super(message, { nodes: options.nodes, extensions: { ...details, code, http: { status: options.status ?? 400 } } });
    this.name = 'RequestError';
  }
}

/** Why a string cannot be accepted as text: PostgreSQL stores no NUL, and a lone surrogate is not Unicode. */
export type InvalidText = { kind: 'NUL'; codePoint: 'U+0000' } | { kind: 'LONE_SURROGATE'; codePoint: string };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first reason `value` is not storable text, or null when it is. */
export function invalidText(value: string): InvalidText | null {
  if (value.includes('\u0000')) return { kind: 'NUL', codePoint: 'U+0000' };
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) return { kind: 'LONE_SURROGATE', codePoint: `U+${surrogate[0].charCodeAt(0).toString(16).toUpperCase()}` };
  return null;
}

/** Where a bad string was found: a path like `input.parties[0].name`, and the literal's node. */
export interface InvalidTextFinding extends Record<string, unknown> {
  field: string;
  kind: InvalidText['kind'];
  codePoint: string;
}

function append(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/**
 * The first bad string among the request's variables, keys included. Iterative: a body of deeply
 * nested arrays must not overflow the stack (that would be a 500).
 */
export function findInvalidTextInValue(root: unknown, rootPath = ''): InvalidTextFinding | null {
  const stack: { value: unknown; path: string }[] = [{ value: root, path: rootPath }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const bad = invalidText(value);
      if (bad) return { field: path, ...bad };
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: append(path, i) });
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, inner] = entries[i]!;
        const badKey = invalidText(key);
        if (badKey) return { field: path, ...badKey };
        stack.push({ value: inner, path: append(path, key) });
      }
    }
  }
  return null;
}

/**
 * The first bad string literal of a document (`"\u0000"` is a valid GraphQL escape; block strings
 * may hold a raw NUL), with a path from the argument or variable default it sits in.
 */
export function findInvalidTextInDocument(document: DocumentNode): { finding: InvalidTextFinding; node: ASTNode } | null {
  let found: { finding: InvalidTextFinding; node: ASTNode } | null = null;
  visit(document, {
    StringValue(node, _key, parent, path, ancestors) {
      const bad = invalidText(node.value);
      if (!bad) return undefined;
      // `ancestors` stops before the parent; with it, chain[i] is what `path[i]` indexes into.
      const chain = [...ancestors, parent!];
      let field = '';
      chain.forEach((ancestor, i) => {
        if (Array.isArray(ancestor)) {
          const owner = chain[i - 1] as ASTNode | undefined;
          if (owner && !Array.isArray(owner) && owner.kind === Kind.LIST) field = append(field, Number(path[i]));
          return;
        }
        const n = ancestor as ASTNode;
        if (n.kind === Kind.ARGUMENT || n.kind === Kind.OBJECT_FIELD) field = append(field, n.name.value);
        else if (n.kind === Kind.VARIABLE_DEFINITION) field = append(field, n.variable.name.value);
      });
      found = { finding: { field, ...bad }, node };
      return false;
    },
  });
  return found;
}

const INVALID_TEXT_MESSAGES: Record<InvalidText['kind'], string> = {
  NUL: '输入内容含有空字符(U+0000),不能保存',
  LONE_SURROGATE: '输入内容含有无效的 Unicode 字符(孤立的代理项)',
};

function invalidTextError(finding: InvalidTextFinding, node?: ASTNode): RequestError {
  const where = finding.field ? `:${finding.field}` : '';
  return new RequestError('VALIDATION_FAILED', `${INVALID_TEXT_MESSAGES[finding.kind]}${where}`, finding, { nodes: node });
}

function operationResolutionError(document: DocumentNode, operationName: string | undefined): RequestError {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
  if (operationName === undefined || operationName === null) {
    return new RequestError('OPERATION_RESOLUTION_FAILURE', `请求包含 ${operations} 个操作,须用 operationName 指明执行哪一个`, { operations });
  }
  const shown = operationName.length > 100 ? `${operationName.slice(0, 100)}…` : operationName;
  return new RequestError('OPERATION_RESOLUTION_FAILURE', `请求中没有名为“${shown}”的操作`, { operationName: shown });
}

/**
 * The boundary check of every request, shared by the gateway and the subgraphs (a subgraph may
 * run behind another gateway): after the document validates and before anything runs,
 * - an operation must be resolvable (`OPERATION_RESOLUTION_FAILURE`: several operations without
 *   `operationName`, or an unknown one — the gateway's executor otherwise fails with a 500);
 * - only queries and mutations are served (the graph has no subscriptions);
 * - no string, in a literal or anywhere in the variables, may hold a NUL or a lone surrogate
 *   (`VALIDATION_FAILED` with the `field`): PostgreSQL refuses NUL in text and JSON, and a lone
 *   surrogate is silently replaced or refused. One check here, not one per mutation.
 */
export function requestGuardPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) throw operationResolutionError(document, request.operationName);
          if (operation.operation !== 'query' && operation.operation !== 'mutation') {
            throw new RequestError(
              'BAD_REQUEST',
              `不支持 ${operation.operation} 操作(只提供查询与变更)`,
              { operation: operation.operation },
              { nodes: operation },
            );
          }
          const literal = findInvalidTextInDocument(document);
          if (literal) throw invalidTextError(literal.finding, literal.node);
          const variable = findInvalidTextInValue(request.variables ?? {});
          if (variable) throw invalidTextError(variable);
        },
      };
    },
  };
}
