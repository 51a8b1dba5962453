import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError } from '@jiefen/workflow';
import { RequestError } from './request-guard.js';

// One idea of a domain error for the whole house: the class lives in the dependency-free workflow
// package, so `domain/` code throws it and this formatter recognizes it with no adapter between.
export { DomainError, type ErrorCode } from '@jiefen/workflow';

/**
 * SQLSTATEs that mean "the database cannot serve this now", not "this request is wrong": class 08
 * (connection exceptions), 57P01–57P05 (server shutting down, crashed, starting up, idle session
 * ended), 57014 (statement timeout), 55P03 (lock wait timeout), 53300 (too many connections),
 * 25P03 (idle-in-transaction timeout).
 */
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[1-5]|57014|55P03|53300|25P03)$/;
/** Socket errors of a server that is down or unreachable. */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN']);
/**
 * Messages of `pg` and knex for a lost, refused or timed-out connection (they carry no code). Knex
 * answers "Transaction query already complete" to the statements of a transaction whose connection
 * died under it.
 */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|timeout expired|Query read timeout|Timeout acquiring a connection|not queryable|Connection ended unexpectedly|terminating connection|Transaction query already complete/i;

/**
 * True when an error (or any error in its `cause` chain, or inside an AggregateError) means the
 * database is unavailable rather than the request being wrong.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATES.test(e.code) || UNAVAILABLE_SOCKET_CODES.has(e.code))) return true;
  if (e.name === 'KnexTimeoutError' || e.name === 'ConnectionException') return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/** Codes produced by GraphQL itself (syntax, validation, variables): safe to show as they are. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export interface FormatterOptions {
  /** Errors to pass through as they are (the gateway trusts errors its subgraphs already formatted). */
  trust?: (formatted: GraphQLFormattedError) => boolean;
  /**
   * The agency's Chinese name (a subgraph's `agencyName`): when set, a database outage is answered
   * as `DATABASE_UNAVAILABLE` naming the agency instead of the masked internal error.
   */
  agencyName?: string;
}

export const INTERNAL_MESSAGE = '服务器内部错误,请稍后重试或联系管理员';

export interface ErrorLogger {
  error(message: string, details: Record<string, unknown>): void;
}

export const consoleLogger: ErrorLogger = {
  error(message, details) {
    console.error(JSON.stringify({ level: 'error', message, ...details }));
  },
};

/**
 * Recognized by name, not `instanceof`: graphql-js is loaded twice in some runtimes (its CommonJS
 * build by type-graphql and Apollo, its ES module build by vite under vitest).
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

/** The error a resolver threw, out of graphql-js's located wrapper (Apollo's `unwrapResolverError`). */
function unwrapResolverError(error: unknown): unknown {
  return isGraphQLError(error) && error.path && error.originalError ? error.originalError : error;
}

/** graphql-js's reasons for refusing a value, in Chinese (the type names stay as the schema spells them). */
function reasonInChinese(reason: string): string {
  let m: RegExpMatchArray | null;
  if ((m = reason.match(/^Value "?(.*?)"? does not exist in "(\w+)" enum/))) return `取值 ${m[1]} 不是 ${m[2]} 的可选值(可选值见接口文档)`;
  if ((m = reason.match(/^Enum "(\w+)" cannot represent non-enum value: (.*?)\./))) return `取值 ${m[2]} 不是 ${m[1]} 的可选值(可选值见接口文档)`;
  if ((m = reason.match(/^Field "(\w+)" of required type "(.+?)" was not provided/))) return `缺少必填字段 ${m[1]}`;
  if ((m = reason.match(/^Field "(\w+)" is not defined by type "(\w+)"/))) return `${m[2]} 没有字段 ${m[1]}`;
  if ((m = reason.match(/^Expected value of type "(.+?)", found null/))) return `不能为空(${m[1]})`;
  if ((m = reason.match(/^Expected type "(.+?)"/))) return `应为 ${m[1]} 类型`;
  if ((m = reason.match(/^(?:Int|Float|String|Boolean|ID) cannot represent/))) return '类型不符';
  return '取值无效';
}

/**
 * GraphQL's own refusals of a request's values (a variable of the wrong type, an enum value that
 * does not exist, a missing required field) arrive in English: the same refusal in Chinese, with
 * the field it concerns (`field`: its path inside the variable, as `VALIDATION_FAILED` names
 * fields) and the code unchanged. Every invalid value is its own error, so all are listed at once.
 */
export function localizeInputError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message;
  let m: RegExpMatchArray | null;
  let field: string | undefined;
  let text: string | undefined;
  if ((m = message.match(/^Variable "\$(\w+)" got invalid value .*? at "([^"]+)"; ([\s\S]*)$/))) {
    const path = m[2]!;
    field = path.startsWith(`${m[1]}.`) ? path.slice(m[1]!.length + 1) : path;
    text = `输入有误:${field} ${reasonInChinese(m[3]!)}`;
  } else if ((m = message.match(/^Variable "\$(\w+)" got invalid value [\s\S]*?; ([\s\S]*)$/))) {
    field = m[1]!;
    text = `输入有误:变量 $${m[1]} ${reasonInChinese(m[2]!)}`;
  } else if ((m = message.match(/^Variable "\$(\w+)" of (?:required|non-null) type "(.+?)" (?:was not provided|must not be null)/))) {
    field = m[1]!;
    text = `输入有误:缺少必填变量 $${m[1]}(${m[2]})`;
  } else if (/^(Value "|Enum "|Field "\w+" of required type|Field "\w+" is not defined by type|Expected value of type|Expected type)/.test(message)) {
    text = `输入有误:${reasonInChinese(message)}`;
  }
  if (!text) return formatted;
  return { ...formatted, message: text, extensions: { ...formatted.extensions, ...(field ? { field } : {}) } };
}

/**
 * Builds Apollo's `formatError`: domain errors keep their code and Chinese message, GraphQL's own
 * request errors pass through, everything else is logged with its stack and replaced by a masked
 * message — no stack, no SQL, no internal URL reaches a client.
 */
export function createErrorFormatter(service: string, logger: ErrorLogger = consoleLogger, options: FormatterOptions = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    if (DomainError.is(original)) {
      return { ...formatted, message: original.message, extensions: { ...extensions, ...original.details, code: original.code } };
    }
    // Refused at the boundary with its own code and Chinese message (request-guard.ts). Apollo
    // wraps it when its copy of graphql differs from ours (it does under vitest).
    if (original instanceof RequestError || (isGraphQLError(original) && original.originalError instanceof RequestError)) {
      return { ...formatted, extensions };
    }
    if (isGraphQLError(original) && original.extensions?.code === undefined && !original.originalError && original.nodes?.length) {
      // graphql-js refusing an argument of the request during execution (it points at the argument):
      // a client error. A code-less GraphQLError that points at nothing is a scalar refusing a value
      // the server produced ("DateTime cannot represent …"): a server fault, masked and logged below.
      return { ...formatted, extensions: { ...extensions, code: 'BAD_REQUEST' } };
    }
    const code = typeof extensions.code === 'string' ? extensions.code : undefined;
    if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED') return localizeInputError({ ...formatted, extensions });
    if (code && (CLIENT_CODES.has(code) || options.trust?.(formatted))) {
      return { ...formatted, extensions };
    }
    if (options.agencyName && isDatabaseUnavailable(original)) {
      // Logged for operators with the driver's words; the client learns only which agency is down.
      logger.error('database unavailable', { service, path: formatted.path, error: original instanceof Error ? original.message : String(original) });
      const unavailable = DomainError.databaseUnavailable(options.agencyName, service.toUpperCase());
      return {
        message: unavailable.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...unavailable.details, code: unavailable.code },
      };
    }
    logger.error('unexpected error', {
      service,
      path: formatted.path,
      error: original instanceof Error ? (original.stack ?? original.message) : String(original),
    });
    return { message: INTERNAL_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
