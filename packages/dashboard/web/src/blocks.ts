// What the page shows of each agency's indicator block, in the API's field names (the indicator
// contract of issue 14). A field the API does not answer is left out, so the catalogue can name the
// whole contract while agencies' blocks arrive one by one.
import type { Unit } from './format.js';
import type { OperationName } from './api.js';

export type BlockKey = 'hub' | 'justice' | 'court' | 'police' | 'procuratorate' | 'petition';

export interface Figure {
  field: string;
  label: string;
  unit: Unit;
  /** The definition (numerator ÷ denominator), shown on hover. */
  definition?: string;
}

export interface RankingChoice {
  indicator: string;
  label: string;
  unit: Unit;
}

export interface BlockSpec {
  key: BlockKey;
  agency: string;
  figures: Figure[];
  /** The operation ranking child regions on one of this block's indicators (web/operations/Ranking*.graphql). */
  ranking?: { operation: OperationName; choices: RankingChoice[] };
}

const rate = (field: string, label: string, definition: string): Figure => ({ field, label, unit: 'rate', definition });
const count = (field: string, label: string, definition?: string): Figure => ({ field, label, unit: 'count', definition });

export const BLOCKS: BlockSpec[] = [
  {
    key: 'hub',
    agency: '综治中心',
    figures: [
      count('registered', '登记纠纷'),
      count('resolved', '化解成功'),
      rate('resolutionRate', '矛盾纠纷化解率', '化解率 = 化解成功数 ÷ 登记纠纷数'),
      { field: 'registeredPer10k', label: '万人纠纷登记', unit: 'per10k', definition: '万人纠纷登记数 = 纠纷登记数 ÷ 常住人口 × 10000' },
      count('overdue', '超期未办结', '期间内登记、当前已超过所处环节时限仍未办结的纠纷'),
      count('screeningDue', '应报排查'),
      count('screeningReceived', '已报排查'),
      count('zeroReports', '零报告'),
      rate('screeningComplianceRate', '排查报送率', '排查报告报送率 = 已报排查报告数 ÷ 应报排查报告数(零报告计入已报)'),
      count('alertsRaised', '发出预警'),
      count('openAlerts', '待处置预警', '当前仍未处置的风险预警'),
      count('supervisionOpened', '督办立项'),
      count('supervisionCleared', '督办销号'),
      count('supervisionOpen', '督办中'),
      count('supervisionOverdue', '应督办', '当前已超过时限仍在办的纠纷与对接'),
    ],
    ranking: {
      operation: 'RankingHub',
      choices: [
        { indicator: 'REGISTERED', label: '纠纷登记数', unit: 'count' },
        { indicator: 'RESOLUTION_RATE', label: '矛盾纠纷化解率', unit: 'rate' },
        { indicator: 'OVERDUE', label: '超期未办结数', unit: 'count' },
        { indicator: 'SCREENING_COMPLIANCE_RATE', label: '排查报送率', unit: 'rate' },
        { indicator: 'OPEN_ALERTS', label: '待处置预警数', unit: 'count' },
        { indicator: 'SUPERVISION_OVERDUE', label: '应督办数', unit: 'count' },
      ],
    },
  },
  {
    key: 'justice',
    agency: '司法局',
    figures: [
      count('casesReceived', '调解收案'),
      count('casesConcluded', '调解终结'),
      count('agreements', '调解成功'),
      rate('mediationSuccessRate', '调解成功率', '调解成功率 = 调解成功数 ÷ 调解终结数'),
      { field: 'agreementAmount', label: '协议金额', unit: 'yuan', definition: '期间内调解成功案件的调解协议约定金额合计' },
      count('agreementsDue', '应履行协议'),
      count('agreementsPerformed', '已履行协议'),
      rate('performanceRate', '协议履行率', '履行率 = 已履行协议数 ÷ 应履行协议数'),
      count('returnVisitsDue', '应回访'),
      count('returnVisitsDone', '已回访'),
      rate('returnVisitRate', '回访率', '回访率 = 已回访数 ÷ 应回访数'),
      count('legalAidApplied', '法援申请'),
      count('legalAidDecided', '法援审查决定'),
      count('legalAidDecidedOnTime', '按时审查'),
      rate('legalAidReviewRate', '法援及时审查率', '及时审查率 = 按时审查数(申请后 7 日内) ÷ 审查决定数'),
      count('legalAidAssigned', '指派律师'),
      count('legalAidAssignedOnTime', '按时指派'),
      rate('legalAidAssignmentRate', '法援及时指派率', '及时指派率 = 按时指派数(准予后 3 日内) ÷ 指派律师数'),
    ],
    ranking: {
      operation: 'RankingJustice',
      choices: [
        { indicator: 'CASES_RECEIVED', label: '调解收案数', unit: 'count' },
        { indicator: 'MEDIATION_SUCCESS_RATE', label: '调解成功率', unit: 'rate' },
        { indicator: 'AGREEMENT_AMOUNT', label: '协议金额', unit: 'yuan' },
        { indicator: 'PERFORMANCE_RATE', label: '协议履行率', unit: 'rate' },
        { indicator: 'RETURN_VISIT_RATE', label: '回访率', unit: 'rate' },
        { indicator: 'LEGAL_AID_REVIEW_RATE', label: '法援及时审查率', unit: 'rate' },
        { indicator: 'LEGAL_AID_ASSIGNMENT_RATE', label: '法援及时指派率', unit: 'rate' },
      ],
    },
  },
  {
    key: 'court',
    agency: '法院',
    figures: [
      count('civilCasesReceived', '诉前收案'),
      count('divertedPreFiling', '诉前委派调解'),
      count('preFilingSucceeded', '诉前调解成功'),
      rate('diversionRate', '诉前调解分流率', '诉前调解分流率 = 诉前委派调解数 ÷ 诉前收案数'),
      rate('preFilingResolutionRate', '诉前化解率', '诉前化解率 = 诉前调解成功数 ÷ 诉前委派调解数'),
      count('filings', '一审立案'),
      { field: 'filingsPer10k', label: '万人成讼率', unit: 'per10k', definition: '万人成讼率 = 一审立案数 ÷ 常住人口 × 10000' },
      count('confirmationsApplied', '司法确认申请'),
      count('confirmationsConfirmed', '确认有效'),
      rate('confirmationRate', '司法确认有效率', '司法确认有效率 = 裁定确认有效数 ÷ 裁定数'),
      count('agreementsPerformed', '自动履行'),
      count('enforcementApplications', '申请强制执行'),
      rate('voluntaryPerformanceRate', '自动履行率', '自动履行率 = 自动履行数 ÷ (自动履行数 + 申请强制执行数)'),
    ],
    ranking: {
      operation: 'RankingCourt',
      choices: [
        { indicator: 'CIVIL_CASES_RECEIVED', label: '诉前收案数', unit: 'count' },
        { indicator: 'DIVERSION_RATE', label: '诉前调解分流率', unit: 'rate' },
        { indicator: 'PRE_FILING_RESOLUTION_RATE', label: '诉前化解率', unit: 'rate' },
        { indicator: 'FILINGS', label: '一审立案数', unit: 'count' },
        { indicator: 'CONFIRMATIONS_CONFIRMED', label: '司法确认数', unit: 'count' },
        { indicator: 'VOLUNTARY_PERFORMANCE_RATE', label: '自动履行率', unit: 'rate' },
      ],
    },
  },
  {
    key: 'police',
    agency: '公安',
    figures: [
      count('incidents', '接报警情'),
      count('nonPoliceIncidents', '非警务警情'),
      count('nonPoliceDiverted', '非警务分流'),
      rate('nonPoliceDiversionRate', '非警务警情分流率', '非警务警情分流率 = 非警务警情分流数 ÷ 非警务警情数'),
      count('mediationsConcluded', '治安调解终结'),
      count('mediationsAgreed', '治安调解达成协议'),
      count('mediationsPerformed', '治安调解履行'),
      rate('mediationSuccessRate', '治安调解成功率', '治安调解成功率 = 达成协议数 ÷ 治安调解终结数'),
      count('transfersSent', '公调移交'),
      count('transfersAccepted', '公调受理'),
      count('transfersRejected', '公调不予受理'),
      count('transfersConcluded', '公调办结'),
      count('transfersSucceeded', '公调调解成功'),
      rate('transferSuccessRate', '公调调解成功率', '公调调解成功率 = 公调调解成功数 ÷ 公调办结数'),
    ],
    ranking: {
      operation: 'RankingPolice',
      choices: [
        { indicator: 'INCIDENTS', label: '警情数', unit: 'count' },
        { indicator: 'NON_POLICE_DIVERSION_RATE', label: '非警务警情分流率', unit: 'rate' },
        { indicator: 'MEDIATION_SUCCESS_RATE', label: '治安调解成功率', unit: 'rate' },
        { indicator: 'TRANSFERS_SENT', label: '公调移交数', unit: 'count' },
        { indicator: 'TRANSFER_SUCCESS_RATE', label: '公调调解成功率', unit: 'rate' },
      ],
    },
  },
  {
    key: 'procuratorate',
    agency: '检察院',
    figures: [
      count('referrals', '检调移交'),
      count('criminalReferrals', '刑事和解移交'),
      count('civilSupervisionReferrals', '民事监督移交'),
      count('referralsAccepted', '调解组织受理'),
      count('referralsRejected', '不予受理'),
      count('agreementsReached', '达成和解'),
      count('agreementsNotReached', '未达成和解'),
      rate('reconciliationRate', '和解率', '和解率 = 达成和解数 ÷ 检调移交数'),
      count('nonProsecutionDecisions', '不起诉决定'),
      count('lenientRecommendations', '从宽处罚建议'),
      count('decisions', '刑事和解处理决定', '不起诉决定数 + 从宽处罚建议数(刑诉法第 290 条)'),
      rate('decisionRate', '刑事和解决定率', '刑事和解决定率 = 刑事和解处理决定数 ÷ 刑事和解移交数'),
      count('prosecutionsContinued', '继续起诉'),
      count('civilReviewsTerminated', '民事监督终结审查'),
    ],
    ranking: {
      operation: 'RankingProcuratorate',
      choices: [
        { indicator: 'REFERRALS', label: '检调移交数', unit: 'count' },
        { indicator: 'RECONCILIATION_RATE', label: '和解率', unit: 'rate' },
        { indicator: 'DECISION_RATE', label: '刑事和解决定率', unit: 'rate' },
      ],
    },
  },
  {
    key: 'petition',
    agency: '信访局',
    figures: [
      count('registered', '信访登记'),
      count('acceptedOnTime', '及时受理'),
      rate('timelyAcceptanceRate', '及时受理率', '及时受理率 = 及时受理数(登记起 15 日内) ÷ 登记数'),
      count('closed', '办结'),
      count('closedOnTime', '按期办结'),
      rate('onTimeClosureRate', '按期办结率', '按期办结率 = 按期办结数 ÷ 办结数'),
      count('rated', '参评'),
      count('satisfied', '满意'),
      count('basicallySatisfied', '基本满意'),
      count('dissatisfied', '不满意'),
      rate('satisfactionRate', '参评满意率', '参评满意率 = (满意数 + 基本满意数) ÷ 参评数'),
      count('mediationTransfers', '访调移交'),
      count('transfersSucceeded', '访调成功'),
    ],
    ranking: {
      operation: 'RankingPetition',
      choices: [
        { indicator: 'REGISTERED', label: '信访登记数', unit: 'count' },
        { indicator: 'TIMELY_ACCEPTANCE_RATE', label: '及时受理率', unit: 'rate' },
        { indicator: 'ON_TIME_CLOSURE_RATE', label: '按期办结率', unit: 'rate' },
        { indicator: 'SATISFACTION_RATE', label: '参评满意率', unit: 'rate' },
        { indicator: 'MEDIATION_TRANSFERS', label: '访调移交数', unit: 'count' },
      ],
    },
  },
];

export const BLOCK_BY_KEY = Object.fromEntries(BLOCKS.map((b) => [b.key, b])) as Record<BlockKey, BlockSpec>;

/** A figure of a block, addressed as on the page (`court.diversionRate`). */
export interface FigureRef {
  block: BlockKey;
  field: string;
}

function figure(ref: FigureRef): Figure {
  const found = BLOCK_BY_KEY[ref.block].figures.find((f) => f.field === ref.field);
  if (!found) throw new Error(`no figure ${ref.block}.${ref.field}`);
  return found;
}

/** The KPI cards, in order: each with the counts it is made of. */
export const KPIS: { ref: FigureRef; parts?: [FigureRef, FigureRef | 'population'] }[] = [
  {
    ref: { block: 'hub', field: 'resolutionRate' },
    parts: [
      { block: 'hub', field: 'resolved' },
      { block: 'hub', field: 'registered' },
    ],
  },
  {
    ref: { block: 'justice', field: 'mediationSuccessRate' },
    parts: [
      { block: 'justice', field: 'agreements' },
      { block: 'justice', field: 'casesConcluded' },
    ],
  },
  {
    ref: { block: 'court', field: 'diversionRate' },
    parts: [
      { block: 'court', field: 'divertedPreFiling' },
      { block: 'court', field: 'civilCasesReceived' },
    ],
  },
  { ref: { block: 'court', field: 'filingsPer10k' }, parts: [{ block: 'court', field: 'filings' }, 'population'] },
  {
    ref: { block: 'petition', field: 'timelyAcceptanceRate' },
    parts: [
      { block: 'petition', field: 'acceptedOnTime' },
      { block: 'petition', field: 'registered' },
    ],
  },
  {
    ref: { block: 'police', field: 'mediationSuccessRate' },
    parts: [
      { block: 'police', field: 'mediationsAgreed' },
      { block: 'police', field: 'mediationsConcluded' },
    ],
  },
  {
    ref: { block: 'procuratorate', field: 'reconciliationRate' },
    parts: [
      { block: 'procuratorate', field: 'agreementsReached' },
      { block: 'procuratorate', field: 'referrals' },
    ],
  },
  {
    ref: { block: 'hub', field: 'screeningComplianceRate' },
    parts: [
      { block: 'hub', field: 'screeningReceived' },
      { block: 'hub', field: 'screeningDue' },
    ],
  },
  // (满意 + 基本满意) ÷ 参评: the definition on hover says it; the card shows the rate alone.
  { ref: { block: 'petition', field: 'satisfactionRate' } },
  { ref: { block: 'hub', field: 'overdue' } },
  { ref: { block: 'hub', field: 'openAlerts' } },
];

export function kpiFigure(ref: FigureRef): Figure {
  return figure(ref);
}

/** The columns of the children's table (one or two telling figures per agency). */
export const CHILD_COLUMNS: FigureRef[] = [
  { block: 'hub', field: 'registered' },
  { block: 'hub', field: 'resolutionRate' },
  { block: 'justice', field: 'mediationSuccessRate' },
  { block: 'court', field: 'civilCasesReceived' },
  { block: 'court', field: 'diversionRate' },
  { block: 'court', field: 'filingsPer10k' },
  { block: 'police', field: 'incidents' },
  { block: 'petition', field: 'registered' },
];

export function columnFigure(ref: FigureRef): Figure {
  return figure(ref);
}

/** The trend's lines: volumes on one chart, rates on another. */
export const TREND_COUNTS: FigureRef[] = [
  { block: 'hub', field: 'registered' },
  { block: 'hub', field: 'resolved' },
  { block: 'justice', field: 'casesReceived' },
  { block: 'court', field: 'civilCasesReceived' },
  { block: 'police', field: 'incidents' },
  { block: 'petition', field: 'registered' },
];
export const TREND_RATES: FigureRef[] = [
  { block: 'hub', field: 'resolutionRate' },
  { block: 'justice', field: 'mediationSuccessRate' },
  { block: 'court', field: 'diversionRate' },
];

export function seriesName(ref: FigureRef): string {
  return `${BLOCK_BY_KEY[ref.block].agency}·${figure(ref).label}`;
}
