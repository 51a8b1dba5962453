/**
 * A broken business rule, raised by pure domain code (which may not import the subgraph kit);
 * services turn it into the kit's `DomainError` with the same code, message and details.
 */
export class RuleViolation extends Error {
  constructor(
    readonly code: 'ILLEGAL_TRANSITION' | 'FORBIDDEN' | 'VALIDATION_FAILED' | 'ESCALATION_REFUSED',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}
