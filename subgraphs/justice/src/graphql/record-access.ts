import { defineRecordAccess } from '@jiefen/subgraph-kit';
import { LEGAL_AID_CASE, MEDIATION_CASE } from '../domain/access.rules.js';
import type { LegalAidCase } from '../entities/legal-aid-case.entity.js';
import type { MediationCase } from '../entities/mediation-case.entity.js';
import type { JusticeContext } from './context.js';
import type { LegalAidCaseType } from './legal-aid.type.js';
import { toCaseType, toLegalAidType } from './mappers.js';
import type { MediationCaseType } from './mediation-case.type.js';

/** The bureau's record gates: `mediationCase(id)`, `_entities`, `Dispute.mediations`, `Docking.mediation`. */
export const mediationCaseAccess = defineRecordAccess<MediationCase, MediationCaseType, JusticeContext>({
  recordType: 'MediationCase',
  rule: MEDIATION_CASE,
  byId: (ctx) => ctx.loaders.mediationCaseById,
  byDispute: (ctx) => ctx.loaders.mediationCasesByDispute,
  byDocking: (ctx) => ctx.loaders.mediationCaseByDocking,
  toType: (c, v) => toCaseType(c, v),
});

/** `legalAidCase(id)` and `Dispute.legalAidCases`. */
export const legalAidCaseAccess = defineRecordAccess<LegalAidCase, LegalAidCaseType, JusticeContext>({
  recordType: 'LegalAidCase',
  rule: LEGAL_AID_CASE,
  byId: (ctx) => ctx.loaders.legalAidCaseById,
  byDispute: (ctx) => ctx.loaders.legalAidCasesByDispute,
  toType: (c, v) => toLegalAidType(c, v),
});
