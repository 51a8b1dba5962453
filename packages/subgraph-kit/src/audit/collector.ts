import type { EntityManager } from '@mikro-orm/core';
import type { Caller } from '@jiefen/auth';
import { PersonalDataAccess } from './personal-data-access.entity.js';

/**
 * Collects the unmasked personal-data reads of one request; written in one INSERT before the
 * response leaves (the subgraph's audit plugin), so a read that cannot be logged is not answered.
 */
export class AccessCollector {
  private readonly reads = new Map<string, { recordType: string; recordId: string; fields: Set<string> }>();

  constructor(
    private readonly caller: Caller | null,
    private readonly requestId: string,
  ) {}

  /** Notes that `fields` of a record were shown unmasked. */
  record(recordType: string, recordId: string, ...fields: string[]): void {
    const key = `${recordType}:${recordId}`;
    const entry = this.reads.get(key) ?? { recordType, recordId, fields: new Set<string>() };
    for (const field of fields) entry.fields.add(field);
    this.reads.set(key, entry);
  }

  get size(): number {
    return this.reads.size;
  }

  async flush(em: EntityManager): Promise<void> {
    if (this.reads.size === 0 || !this.caller) return;
    const caller = this.caller;
    await em.insertMany(
      PersonalDataAccess,
      [...this.reads.values()].map((read) => ({
        subject: caller.subject,
        callerName: caller.name,
        agency: caller.agency,
        organization: caller.organization,
        recordType: read.recordType,
        recordId: read.recordId,
        fields: [...read.fields].sort(),
        requestId: this.requestId,
      })),
    );
    this.reads.clear();
  }
}
