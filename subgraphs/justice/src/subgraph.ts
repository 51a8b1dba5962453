import 'reflect-metadata';
import { createEventDeliveriesResolver, DOCKING_ENTITIES } from '@jiefen/docking';
import { agencySettings, type AgencyOptions } from '@jiefen/calendar';
import { createAccessLogResolver, defineSubgraph, indicatorReportReference, PersonalDataAccess } from '@jiefen/subgraph-kit';
import { migrations } from '../migrations/index.js';
import { seedJustice } from '../seeds/demo.seed.js';
import { DEFAULT_CLOCKS, type JusticeClocks } from './domain/clocks.js';
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
import { justiceIndicatorResolvers } from './graphql/indicators.resolver.js';
import { JusticeIndicatorReport } from './graphql/indicators.type.js';
import { LegalAidResolver } from './graphql/legal-aid.resolver.js';
import { DisputeJusticeResolver, DockingJusticeResolver, MediationCaseResolver, MediationPartyResolver } from './graphql/mediation-case.resolver.js';
import { MediationWorkResolver } from './graphql/mediation-work.resolver.js';
import { mediationCaseAccess } from './graphql/record-access.js';
import { ExpertResolver, MediatorRosterResolver, OrganizationRosterResolver } from './graphql/roster.resolver.js';
import { createJusticeLoaders } from './loaders/justice.loaders.js';
import { applyDockingEvent } from './services/docking-inbound.service.js';

/** Overrides of the DOMAIN.md clock defaults (a province's rules) and the subgraph's clock (tests inject one). */
export type JusticeOptions = AgencyOptions<JusticeClocks>;

const entities = [
  MediationOrganization,
  Mediator,
  Expert,
  MediationCase,
  MediationParty,
  MediationSession,
  NeutralEvaluation,
  MethodChange,
  MediationExtension,
  MediationAgreement,
  ReturnVisit,
  LegalAidCenter,
  LegalAidCase,
  JusticeNumberCounter,
  PersonalDataAccess,
  ...DOCKING_ENTITIES,
];

/** 司法局 — people's mediation (人民调解): organizations, mediators, cases, agreements, return visits; legal aid. */
export function createJusticeSubgraph(options: JusticeOptions = {}) {
  return defineSubgraph({
    agency: 'JUSTICE',
    settings: agencySettings(DEFAULT_CLOCKS, options),
    database: { name: 'justice', entities, migrations, derived: justiceIndicatorResolvers.derived },
    schema: {
      resolvers: [
        MediationCaseResolver,
        MediationPartyResolver,
        MediationWorkResolver,
        MediationAgreementResolver,
        OrganizationRosterResolver,
        MediatorRosterResolver,
        ExpertResolver,
        LegalAidResolver,
        DisputeJusticeResolver,
        DockingJusticeResolver,
        ...justiceIndicatorResolvers,
        createAccessLogResolver('JUSTICE', 'justiceAccessLog'),
        createEventDeliveriesResolver('JUSTICE', 'justiceEventDeliveries'),
      ],
      orphanedTypes: [DisputeRef, DockingRef, JusticeIndicatorReport],
      referenceResolvers: {
        MediationCase: mediationCaseAccess.resolveReference,
        Dispute: (reference: { id: string }) => ({ id: reference.id }),
        // The docking itself lives in the hub's ledger; its `mediation` field applies the record rules.
        Docking: (reference: { id: string }) => ({ id: reference.id }),
        IndicatorReport: indicatorReportReference,
      },
    },
    // The receiving side of 诉调/公调/检调/访调/援调: requests land in the organizations' inboxes.
    docking: { apply: (em, event, context) => applyDockingEvent(em, event, context.settings) },
    createLoaders: createJusticeLoaders,
    seed: seedJustice,
  });
}

export const justiceSubgraph = createJusticeSubgraph();
