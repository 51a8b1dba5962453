import { DomainError } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Throws `VALIDATION_FAILED` naming `field` unless `value` is a UUID. */
export function requireUuid(field: string, value: string): string {
  if (!UUID.test(value)) throw DomainError.validation(field, `${field} 不是有效的编号(UUID)`);
  return value.toLowerCase();
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Region codes: 6 (county), 9 (town) or 12 (village/community) digits; a prefix of 2 or 4 is allowed for filters. */
export function requireRegionPrefix(field: string, value: string): string {
  if (!/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(value)) {
    throw DomainError.validation(field, '区划代码须为 2、4、6、9 或 12 位数字');
  }
  return value;
}
