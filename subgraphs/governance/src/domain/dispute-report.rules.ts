import { addDays } from '@jiefen/calendar';
import { numberScope } from './dispute-registration.js';

// 一案一号: when a dispute reported by an agency (or handed over without a hub dispute) is the
// dispute the hub already has. The rule, in one place:
//   (a) a record reported before belongs to the dispute it was given then;
//   (b) else it is linked to the most recently registered dispute that shares a party (the same
//       person key, i.e. the same ID number), has the same category and the same town (region
//       code's first 9 digits), is not closed (结案), and was registered within the window before
//       the report (HubPolicy.reportLinkWindowDays);
//   (c) else it is registered as a new dispute (channel 部门移送).
// A report without ID numbers or without a category never links: a name or a place alone does not
// make two reports one dispute.

/** The hub's channel for disputes reported or handed over by another agency. */
export const REPORT_CHANNEL = 'AGENCY_TRANSFER';

/** States a report is never linked to: a closed dispute is not reopened by a new report (it is a new dispute). */
export const UNLINKABLE_STATES: readonly string[] = ['CLOSED'];

/** What a dispute must share with a report to be the same dispute. */
export interface LinkCriteria {
  personKeys: string[];
  category: string;
  /** The town (9 digits). */
  town: string;
  /** Registered at or after this. */
  since: Date;
}

/** The criteria of rule (b), or null when the report cannot be linked (no ID numbers, or no category). */
export function linkCriteria(
  report: { personKeys: readonly string[]; category: string | null; regionCode: string; reportedAt: Date },
  windowDays: number,
): LinkCriteria | null {
  const personKeys = [...new Set(report.personKeys)];
  if (personKeys.length === 0 || !report.category) return null;
  return { personKeys, category: report.category, town: numberScope(report.regionCode), since: addDays(report.reportedAt, -windowDays) };
}

/** Why a report was linked (no personal data: the ID number is named as "the same", not shown). */
export function linkReason(dispute: { number: string; category: string }, townName: string, windowDays: number): string {
  return `与纠纷 ${dispute.number} 当事人相同(同一身份证号)、发生地同为${townName}、类别同为${dispute.category},且该纠纷 ${windowDays} 日内登记、尚未结案,关联为同一纠纷`;
}

/** Why a report was registered as a new dispute. */
export function registrationReason(agencyName: string, recordNumber: string, linkable: boolean): string {
  const why = linkable ? '未找到当事人、发生地和类别相同的未结案纠纷' : '报告未载明当事人身份证号或纠纷类别,不作关联';
  return `${agencyName}报告(${recordNumber}):${why},登记为新纠纷`;
}
