import { defineRecordAccess, type SubgraphContext } from '@jiefen/subgraph-kit';
import { COURT_CASE_VIA_DOCKING, COURT_RECORD } from '../domain/access.rules.js';
import type { CourtSettings } from '../domain/clocks.js';
import type { CourtCase } from '../entities/court-case.entity.js';
import type { JudicialConfirmation } from '../entities/judicial-confirmation.entity.js';
import type { CourtLoaders } from '../loaders/court.loaders.js';
import type { CourtCaseType } from './court-case.type.js';
import type { JudicialConfirmationType } from './judicial-confirmation.type.js';
import { toConfirmationType, toCourtCaseType } from './mapping.js';

type CourtContext = SubgraphContext<CourtLoaders, CourtSettings>;

/** The court's record gates: `courtCase(id)`, `_entities`, `Dispute.courtCases`, `Docking.courtCase`. */
export const courtCaseAccess = defineRecordAccess<CourtCase, CourtCaseType, CourtContext>({
  recordType: 'CourtCase',
  rule: COURT_RECORD,
  dockingRule: COURT_CASE_VIA_DOCKING,
  byId: (ctx) => ctx.loaders.courtCaseById,
  byDispute: (ctx) => ctx.loaders.courtCasesByDispute,
  byDocking: (ctx) => ctx.loaders.courtCaseByDocking,
  toType: (c, v) => toCourtCaseType(c, v),
});

/** `judicialConfirmation(id)`, `_entities`, `Dispute.judicialConfirmations`. */
export const confirmationAccess = defineRecordAccess<JudicialConfirmation, JudicialConfirmationType, CourtContext>({
  recordType: 'JudicialConfirmation',
  rule: COURT_RECORD,
  byId: (ctx) => ctx.loaders.confirmationById,
  byDispute: (ctx) => ctx.loaders.confirmationsByDispute,
  toType: (j, v) => toConfirmationType(j, v),
});
