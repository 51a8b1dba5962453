import { addDaysToDate, addMonthsToDate } from '@jiefen/calendar';

/** Kinds of people's mediation organizations (人民调解法 Art 8, 34; 司法部 guidance on 行业性专业性 and 派驻 rooms). */
export const ORGANIZATION_TYPES = [
  'VILLAGE_RESIDENTS_COMMITTEE',
  'TOWN_STREET_COMMITTEE',
  'ENTERPRISE_COMMITTEE',
  'SECTOR_COMMITTEE',
  'STATIONED_ROOM',
  'LAWYER_STUDIO',
] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

/** Committees are bound by the 3–9 members rule; stationed rooms and lawyer studios are staffed by mediators. */
export const COMMITTEE_TYPES: readonly OrganizationType[] = [
  'VILLAGE_RESIDENTS_COMMITTEE',
  'TOWN_STREET_COMMITTEE',
  'ENTERPRISE_COMMITTEE',
  'SECTOR_COMMITTEE',
];

export const STATIONED_AGENCIES = ['POLICE', 'COURT', 'PETITION', 'PROCURATORATE'] as const;
export type StationedAgency = (typeof STATIONED_AGENCIES)[number];

export const COMMITTEE_ROLES = ['CHAIR', 'VICE_CHAIR', 'MEMBER'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

export const SEXES = ['MALE', 'FEMALE'] as const;
export type Sex = (typeof SEXES)[number];

export interface MemberFacts {
  sex: Sex;
  committeeRole: CommitteeRole | null;
}

/**
 * Why an organization's membership breaks the law, or null: a committee has 3–9 members (委员)
 * including at least one woman and one chair (人民调解法 Art 9); a room or studio needs a mediator.
 */
export function compositionProblem(type: OrganizationType, members: readonly MemberFacts[]): string | null {
  if (!COMMITTEE_TYPES.includes(type)) return members.length === 0 ? '调解室、调解工作室至少需要一名调解员' : null;
  const committee = members.filter((m) => m.committeeRole !== null);
  if (committee.length < 3 || committee.length > 9) return '人民调解委员会由委员三至九人组成(人民调解法第九条)';
  if (!committee.some((m) => m.sex === 'FEMALE')) return '人民调解委员会应当有妇女成员(人民调解法第九条)';
  if (committee.filter((m) => m.committeeRole === 'CHAIR').length !== 1) return '人民调解委员会须有且只有一名主任';
  return null;
}

/** Where a stationed room sits must be named (and only for stationed rooms). */
export function stationProblem(type: OrganizationType, stationedAt: string | null, agency: string | null): string | null {
  if (type === 'STATIONED_ROOM') return stationedAt && agency ? null : '派驻调解室须写明派驻单位';
  return stationedAt || agency ? '只有派驻调解室有派驻单位' : null;
}

/** Mediators serve three-year terms (人民调解法 Art 9, by analogy for appointed mediators). */
export const MEDIATOR_TERM_YEARS = 3;

export function termEndOf(termStart: string): string {
  return addDaysToDate(addMonthsToDate(termStart, 12 * MEDIATOR_TERM_YEARS), -1);
}

/** Whether a mediator's term covers a day (YYYY-MM-DD): an expired mediator takes no new case. */
export function termCovers(term: { termStart: string; termEnd: string }, day: string): boolean {
  return term.termStart <= day && day <= term.termEnd;
}
