import { createHmac } from 'node:crypto';

/** 张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

/** 321281199001011234 → 3212**********1234 (first 4 and last 4 kept). */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** Keeps the administrative part up to the town/street (镇/乡/街道/区/县/市), masks the rest. */
export function maskAddress(address: string): string {
  const match = /^(.*?(?:镇|乡|街道))/.exec(address) ?? /^(.*?(?:区|县|市))/.exec(address);
  const kept = match ? match[1]! : [...address].slice(0, 3).join('');
  return `${kept}****`;
}

/**
 * 人员键 — a pseudonymous key for a person: HMAC-SHA256 of the normalized ID number with the
 * federation's secret. Agencies join on it (`Person @key(fields: "key")`) without exchanging ID numbers.
 */
export function personKey(secret: string, idNumber: string): string {
  return createHmac('sha256', secret).update(idNumber.trim().toUpperCase()).digest('hex');
}
