import { Entity, PrimaryKey, PrimaryKeyProp, Property, type Opt } from '@mikro-orm/core';

/**
 * One idempotency key a caller sent with a mutation that hands a case over (see `idempotent`). The
 * row is written in the mutation's own transaction, so it exists exactly when the mutation's effect
 * (and its docking event) committed; `result` names the record the first run returned.
 */
@Entity({ tableName: 'idempotent_request' })
export class IdempotentRequest {
  [PrimaryKeyProp]?: ['subject', 'key'];

  /** The caller's `sub`: keys are per caller, so one client can neither collide with nor replay another's. */
  @PrimaryKey({ type: 'string', length: 100 })
  subject!: string;

  @PrimaryKey({ type: 'string', length: 64 })
  key!: string;

  /** The mutation's name (`transferToMediation`). */
  @Property({ type: 'string', length: 64 })
  operation!: string;

  /** SHA-256 (hex) of the canonical JSON of the operation and its arguments. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  /** `{ "type": <entity>, "id": <id> }` of the record the first run returned; null only inside that run. */
  @Property({ type: 'json', nullable: true })
  result?: { type: string; id: string } | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;
}
