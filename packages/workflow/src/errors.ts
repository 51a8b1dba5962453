/** Stable error codes shared by every subgraph and the gateway (DESIGN.md §6); agencies add their own. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'ILLEGAL_TRANSITION'
  | 'CONFLICT'
  | 'SUBGRAPH_UNAVAILABLE'
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | (string & {});

/**
 * Marks a domain error across copies of this module: under vitest a package may be loaded once
 * from its sources and once from `dist/`, and `instanceof` then fails between the two.
 */
const BRAND = Symbol.for('jiefen.DomainError');

/**
 * A business error: a stable `code`, a Chinese message for the people who use the system, and
 * details (the offending `field`, the state and event of a refused step…). Pure — no GraphQL, no
 * ORM — so `domain/` throws it as it is and the subgraph kit's error formatter answers it with
 * `extensions.code` and the details; nothing has to translate it on the way. Created through
 * named constructors where one fits.
 */
export class DomainError extends Error {
  readonly [BRAND] = true;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(field: string, message: string): DomainError {
    return new DomainError('VALIDATION_FAILED', message, { field });
  }

  static notFound(entity: string, id: string, code = 'NOT_FOUND'): DomainError {
    return new DomainError(code, `未找到${entity}(${id})`, { id });
  }

  static forbidden(message = '无权访问该记录'): DomainError {
    return new DomainError('FORBIDDEN', message);
  }

  static illegalTransition(entity: string, from: string, event: string): DomainError {
    return new DomainError('ILLEGAL_TRANSITION', `${entity}当前状态(${from})不允许执行“${event}”`, { from, event });
  }

  /**
   * The agency's database did not answer (down, restarting, frozen, or a lock or statement timed
   * out). Names the agency; says nothing of hosts, SQL or drivers. `service` is the subgraph in
   * upper case, as in the gateway's `SUBGRAPH_UNAVAILABLE`.
   */
  static databaseUnavailable(agencyName: string, service: string): DomainError {
    return new DomainError('DATABASE_UNAVAILABLE', `${agencyName}(${service})的数据库暂时不可用或响应超时,请稍后重试`, { service });
  }

  /** Whether `error` is a domain error, from this copy of the module or another. */
  static is(error: unknown): error is DomainError {
    return error instanceof DomainError || (error instanceof Error && (error as { [BRAND]?: unknown })[BRAND] === true);
  }
}
