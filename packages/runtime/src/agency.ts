import type { EntityManager } from '@mikro-orm/core';
import { personKey } from '@jiefen/auth';
import {
  createEventHandler,
  createHubReferences,
  createReferenceHandler,
  decodeDockingEvent,
  DISPUTE_REFERENCES_PATH,
  hubReferencesUrlOf,
  startDeliveryWorker,
  type DockingKeys,
  type DockingSettings,
  type TypedDockingEvent,
} from '@jiefen/docking';
import { migrate, type Orm } from '@jiefen/database';
import { startSubgraph, type RunningSubgraph, type StartOptions, type SubgraphDefinition } from '@jiefen/subgraph-kit';

/** Docking configuration of a running federation member: keys, endpoints, retry policy. */
export interface DockingRuntime {
  keys: DockingKeys;
  settings: DockingSettings;
  /** Run the delivery worker in this process (default true; tests of the inbox alone turn it off). */
  worker?: boolean;
}

/** Applies the subgraph's migrations (the docking tables, outbox and inbox, are among them) and keeps its derived objects (indicator totals) in step. */
export async function prepareDatabase(definition: SubgraphDefinition, orm: Orm): Promise<string[]> {
  return migrate(orm, definition.database.derived);
}

export interface AgencyStartOptions extends Omit<StartOptions, 'routes' | 'onStop'> {
  docking?: DockingRuntime;
}

/**
 * Starts a subgraph with what it needs beside GraphQL: for a docking participant, the signed
 * event inbox at `POST /events`, the outbox delivery worker, `ctx.references` (signed lookups at
 * the hub, so a client's reference to a dispute is verified before it is stored) and, for an owner
 * of records others refer to, the signed lookup endpoint (`POST /references/disputes` at the hub).
 */
export async function startAgency(definition: SubgraphDefinition, options: AgencyStartOptions): Promise<RunningSubgraph> {
  const spec = definition.docking;
  if (!spec || !options.docking) return startSubgraph(definition, options);
  const { keys, settings } = options.docking;
  const privateKey = keys.privateKeys[definition.agency];
  if (!privateKey) throw new Error(`no docking private key for ${definition.agency}`);
  const worker =
    options.docking.worker === false
      ? null
      : await startDeliveryWorker({
          orm: options.orm,
          agency: definition.agency,
          privateKey,
          endpoints: settings.endpoints,
          maxAttempts: settings.maxAttempts,
          backoff: settings.backoff,
          batchSize: settings.batchSize,
          requestsInFlight: settings.requestsInFlight,
        });
  const context = { personKeyOf: (idNumber: string) => personKey(options.personKeySecret, idNumber), settings: definition.settings };
  // Every event reaching `apply` passed the contract's decoder: its payload has its type's shape.
  const apply = spec.apply ? (em: EntityManager, event: TypedDockingEvent) => spec.apply!(em, event as never, context) : async () => undefined;
  const lookups = definition.answersReferences;
  try {
    return await startSubgraph(definition, {
      ...options,
      routes: {
        'POST /events': createEventHandler({
          orm: options.orm,
          agency: definition.agency,
          keyRing: keys.keyRing,
          decode: decodeDockingEvent,
          apply,
          replayWindowSeconds: settings.replayWindowSeconds,
          concurrency: settings.concurrency,
        }),
        ...(lookups?.disputes
          ? {
              [`POST ${DISPUTE_REFERENCES_PATH}`]: createReferenceHandler({
                agency: definition.agency,
                keyRing: keys.keyRing,
                replayWindowSeconds: settings.replayWindowSeconds,
                disputes: (ids) => lookups.disputes!(options.orm.em.fork(), ids),
              }),
            }
          : {}),
      },
      references: createHubReferences({
        agency: definition.agency,
        privateKey,
        url: () => hubReferencesUrlOf(settings),
        timeoutMs: settings.referenceTimeoutMs,
      }),
      onStop: async () => worker?.stop(),
    });
  } catch (error) {
    await worker?.stop();
    throw error;
  }
}
