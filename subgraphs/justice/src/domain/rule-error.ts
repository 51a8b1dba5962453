/**
 * A broken business rule, raised by the pure domain code (which may not import the subgraph kit).
 * The service layer turns it into the kit's `DomainError` with the same code, message and details.
 */
export class RuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RuleError';
  }

  static validation(field: string, message: string): RuleError {
    return new RuleError('VALIDATION_FAILED', message, { field });
  }

  static forbidden(message: string): RuleError {
    return new RuleError('FORBIDDEN', message);
  }

  static illegalTransition(entity: string, from: string, event: string): RuleError {
    return new RuleError('ILLEGAL_TRANSITION', `${entity}当前状态(${from})不允许执行“${event}”`, { from, event });
  }
}
