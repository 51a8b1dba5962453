import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError } from '@jiefen/workflow';
import { RequestError } from './request-guard.js';

// One idea of a domain error for the whole house: the class lives in the dependency-free workflow
// package, so `domain/` code throws it and this formatter recognizes it with no adapter between.
export { DomainError, type ErrorCode } from '@jiefen/workflow';

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
    if (code && (CLIENT_CODES.has(code) || options.trust?.(formatted))) {
      return { ...formatted, extensions };
    }
    logger.error('unexpected error', {
      service,
      path: formatted.path,
      error: original instanceof Error ? original.stack ?? original.message : String(original),
    });
    return { message: INTERNAL_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
