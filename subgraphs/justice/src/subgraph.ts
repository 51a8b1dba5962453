import 'reflect-metadata';
import { createEventDeliveriesResolver, DOCKING_ENTITIES } from '@jiefen/docking';
import { createAccessLogResolver, defineSubgraph, PersonalDataAccess } from '@jiefen/subgraph-kit';
import { migrations } from '../migrations/index.js';
import { seedJustice } from '../seeds/demo.seed.js';
import { clocksWith, type JusticeClocks } from './domain/clocks.js';
import { Expert } from './entities/expert.entity.js';
import { JusticeNumberCounter } from './entities/justice-number-counter.entity.js';
import { LegalAidCase } from './entities/legal-aid-case.entity.js';
import { LegalAidCenter } from './entities/legal-aid-center.entity.js';
import { MediationAgreement } from './entities/mediation-agreement.entity.js';
import { MediationCase } from './entities/mediation-case.entity.js';
import { MediationExtension } from './entities/mediation-extension.entity.js';
import { MediationOrganization } from './entities/mediation-organization.entity.js';
import { MediationParty } from './entities/mediation-party.entity.js';
import { MediationSession } from './entities/mediation-session.entity.js';
import { Mediator } from './entities/mediator.entity.js';
import { MethodChange } from './entities/method-change.entity.js';
import { NeutralEvaluation } from './entities/neutral-evaluation.entity.js';
import { ReturnVisit } from './entities/return-visit.entity.js';
import { MediationAgreementResolver } from './graphql/agreement.resolver.js';
import { DisputeRef, DockingRef } from './graphql/dispute.type.js';
import { LegalAidResolver } from './graphql/legal-aid.resolver.js';
import {
  DisputeJusticeResolver, DockingJusticeResolver, MediationCaseResolver, MediationPartyResolver,
} from './graphql/mediation-case.resolver.js';
import { MediationWorkResolver } from './graphql/mediation-work.resolver.js';
import { mediationCaseAccess } from './graphql/record-access.js';
import { ExpertResolver, MediatorRosterResolver, OrganizationRosterResolver } from './graphql/roster.resolver.js';
import { createJusticeLoaders } from './loaders/justice.loaders.js';
import { applyDockingEvent } from './services/docking.service.js';

export interface JusticeOptions {
  /** Overrides of the DOMAIN.md clock defaults (a province's rules). */
  clocks?: Partial<JusticeClocks>;
  /** The subgraph's clock; tests inject one instead of waiting for deadlines to pass. */
  now?: () => Date;
}

const entities = [
  MediationOrganization, Mediator, Expert, MediationCase, MediationParty, MediationSession, NeutralEvaluation, MethodChange, MediationExtension,
  MediationAgreement, ReturnVisit, LegalAidCenter, LegalAidCase, JusticeNumberCounter, PersonalDataAccess, ...DOCKING_ENTITIES,
];

/** 司法局 — people's mediation (人民调解): organizations, mediators, cases, agreements, return visits; legal aid. */
export function createJusticeSubgraph(options: JusticeOptions = {}) {
  const settings = { clocks: clocksWith(options.clocks), now: options.now ?? (() => new Date()) };
  return defineSubgraph({
    agency: 'JUSTICE',
    database: { name: 'justice', entities, migrations },
    schema: {
      resolvers: [
        MediationCaseResolver, MediationPartyResolver, MediationWorkResolver, MediationAgreementResolver, OrganizationRosterResolver, MediatorRosterResolver,
        ExpertResolver, LegalAidResolver, DisputeJusticeResolver, DockingJusticeResolver, createAccessLogResolver('JUSTICE', 'justiceAccessLog'),
        createEventDeliveriesResolver('JUSTICE', 'justiceEventDeliveries'),
      ],
      orphanedTypes: [DisputeRef, DockingRef],
      referenceResolvers: {
        MediationCase: mediationCaseAccess.resolveReference,
        Dispute: (reference: { id: string }) => ({ id: reference.id }),
        // The docking itself lives in the hub's ledger; its `mediation` field applies the record rules.
        Docking: (reference: { id: string }) => ({ id: reference.id }),
      },
    },
    // The receiving side of 诉调/公调/检调/访调/援调: requests land in the organizations' inboxes.
    docking: { apply: (em, event) => applyDockingEvent(em, event, settings) },
    createLoaders: (em) => createJusticeLoaders(em, settings),
    seed: seedJustice,
  });
}

export const justiceSubgraph = createJusticeSubgraph();
