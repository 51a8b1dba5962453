import 'reflect-metadata';
import { createEventDeliveriesResolver, DOCKING_ENTITIES } from '@jiefen/docking';
import { agencySettings, type AgencyOptions } from '@jiefen/calendar';
import { createAccessLogResolver, defineSubgraph, PersonalDataAccess } from '@jiefen/subgraph-kit';
import { migrations } from '../migrations/index.js';
import { seedGovernance } from '../seeds/demo.seed.js';
import { DEFAULT_HUB_CLOCKS, type HubClocks } from './domain/clocks.js';
import { DisputeActivity } from './entities/dispute-activity.entity.js';
import { DisputeDocument } from './entities/dispute-document.entity.js';
import { DisputeNotice } from './entities/dispute-notice.entity.js';
import { DisputeNumberCounter } from './entities/dispute-number-counter.entity.js';
import { DisputeParty } from './entities/dispute-party.entity.js';
import { DisputeReport } from './entities/dispute-report.entity.js';
import { Dispute } from './entities/dispute.entity.js';
import { DockingEvent } from './entities/docking-event.entity.js';
import { Docking } from './entities/docking.entity.js';
import { Escalation } from './entities/escalation.entity.js';
import { MediationAttempt } from './entities/mediation-attempt.entity.js';
import { Region } from './entities/region.entity.js';
import { RiskAlert } from './entities/risk-alert.entity.js';
import { ScreeningFinding } from './entities/screening-finding.entity.js';
import { ScreeningReport } from './entities/screening-report.entity.js';
import { ServiceItem } from './entities/service-item.entity.js';
import { SupervisionItem } from './entities/supervision-item.entity.js';
import { DisputeHandlingResolver } from './graphql/dispute-handling.resolver.js';
import { DisputeReportResolver } from './graphql/dispute-report.resolver.js';
import { DisputeWorkflowResolver } from './graphql/dispute-workflow.resolver.js';
import { DisputeResolver } from './graphql/dispute.resolver.js';
import { DockingResolver } from './graphql/docking.resolver.js';
import { PartyResolver } from './graphql/party.resolver.js';
import { PersonResolver, resolvePersonReference } from './graphql/person.resolver.js';
import { disputeAccess, dockingAccess } from './graphql/record-access.js';
import { hubIndicatorResolvers, hubIndicatorTotals } from './graphql/hub-indicators.resolver.js';
import { IndicatorReportResolver, resolveIndicatorReportReference } from './graphql/indicator-report.resolver.js';
import { RegionResolver, resolveRegionReference } from './graphql/region.resolver.js';
import { RegistrationResolver } from './graphql/registration.resolver.js';
import { RiskAlertResolver } from './graphql/risk-alert.resolver.js';
import { ScreeningResolver } from './graphql/screening.resolver.js';
import { ServiceItemResolver } from './graphql/service-item.resolver.js';
import { SupervisionResolver } from './graphql/supervision.resolver.js';
import { createGovernanceLoaders } from './loaders/governance.loaders.js';
import { lookupDisputeReferences } from './services/dispute-references.service.js';
import { applyDockingEvent } from './services/docking-inbound.service.js';

/** 综治中心 — the hub: unified intake, triage and tiered resolution, screening, early warning, supervision, regions and the docking ledger. `options` override its clocks and "now". */
export function createGovernanceSubgraph(options: AgencyOptions<HubClocks> = {}) {
  return defineSubgraph({
    agency: 'GOVERNANCE',
    settings: agencySettings(DEFAULT_HUB_CLOCKS, options),
    database: {
      name: 'governance',
      entities: [
        Dispute,
        DisputeParty,
        DisputeReport,
        DisputeNumberCounter,
        DisputeActivity,
        DisputeDocument,
        DisputeNotice,
        MediationAttempt,
        Escalation,
        ServiceItem,
        ScreeningReport,
        ScreeningFinding,
        RiskAlert,
        SupervisionItem,
        Docking,
        DockingEvent,
        Region,
        PersonalDataAccess,
        ...DOCKING_ENTITIES,
      ],
      migrations,
      derived: hubIndicatorTotals,
    },
    schema: {
      resolvers: [
        DisputeResolver,
        DisputeHandlingResolver,
        DisputeReportResolver,
        DisputeWorkflowResolver,
        RegistrationResolver,
        PartyResolver,
        PersonResolver,
        RegionResolver,
        IndicatorReportResolver,
        ...hubIndicatorResolvers,
        ServiceItemResolver,
        ScreeningResolver,
        RiskAlertResolver,
        SupervisionResolver,
        DockingResolver,
        createEventDeliveriesResolver('GOVERNANCE', 'governanceEventDeliveries'),
        createAccessLogResolver('GOVERNANCE', 'governanceAccessLog'),
      ],
      referenceResolvers: {
        Dispute: disputeAccess.resolveReference,
        Region: resolveRegionReference,
        IndicatorReport: resolveIndicatorReportReference,
        Person: resolvePersonReference,
        Docking: dockingAccess.resolveReference,
      },
    },
    // The hub receives a copy of every docking event and keeps the ledger from them.
    docking: { apply: applyDockingEvent },
    // The hub owns the dispute register: other agencies verify a client's dispute id here before storing it.
    answersReferences: { disputes: lookupDisputeReferences },
    createLoaders: createGovernanceLoaders,
    seed: seedGovernance,
  });
}

export const governanceSubgraph = createGovernanceSubgraph();
