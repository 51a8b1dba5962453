/** Mainland mobile numbers (11 digits from 13–19) and fixed lines with area code (0523-83212345). */
export function isValidPhone(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value) || /^0\d{2,3}-?\d{7,8}$/.test(value);
}

/** Region codes: 6 digits (county, GB/T 2260), 9 (town) or 12 (village/community, 统计用区划代码). */
export function isValidRegionCode(value: string): boolean {
  return /^\d{6}(\d{3}(\d{3})?)?$/.test(value) && !/^0{2}/.test(value);
}

/** Amounts in yuan with at most two decimals, non-negative, below one trillion. */
export function isValidAmount(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value < 1e12 && Math.round(value * 100) === Number((value * 100).toFixed(6));
}
