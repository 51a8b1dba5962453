import { chinaYear } from '@jiefen/calendar';

/**
 * 案号 (最高人民法院关于人民法院案件案号的若干规定): (year) + court code (province abbreviation +
 * the county part of the region code) + case type + sequence + 号, e.g. (2026)苏1281民初1234号.
 */
const PROVINCES: Record<string, string> = {
  '11': '京',
  '12': '津',
  '13': '冀',
  '14': '晋',
  '15': '蒙',
  '21': '辽',
  '22': '吉',
  '23': '黑',
  '31': '沪',
  '32': '苏',
  '33': '浙',
  '34': '皖',
  '35': '闽',
  '36': '赣',
  '37': '鲁',
  '41': '豫',
  '42': '鄂',
  '43': '湘',
  '44': '粤',
  '45': '桂',
  '46': '琼',
  '50': '渝',
  '51': '川',
  '52': '贵',
  '53': '云',
  '54': '藏',
  '61': '陕',
  '62': '甘',
  '63': '青',
  '64': '宁',
  '65': '新',
};

/** Case-type words of the numbers the court issues here. */
export const CASE_SERIES = {
  PRE_FILING_MEDIATION: '民诉前调',
  FIRST_INSTANCE_CIVIL: '民初',
  JUDICIAL_CONFIRMATION: '民特调确字',
  ENFORCEMENT: '执',
} as const;
export type CaseSeries = keyof typeof CASE_SERIES;

/** 苏1281 for any region code of 兴化市 (321281…); null outside the known provinces. */
export function courtCodeOf(regionCode: string): string | null {
  const province = PROVINCES[regionCode.slice(0, 2)];
  return province && /^\d{6}/.test(regionCode) ? `${province}${regionCode.slice(2, 6)}` : null;
}

/** The year a case number carries: the Beijing-time year of the moment. */
export function caseYearOf(at: Date): number {
  return chinaYear(at);
}

export function formatCaseNumber(year: number, courtCode: string, series: CaseSeries, sequence: number): string {
  return `(${year})${courtCode}${CASE_SERIES[series]}${sequence}号`;
}
