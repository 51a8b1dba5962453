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

/** What a record knows about one person it names: the values to find in its free text. */
export interface KnownPerson {
  name?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
}

// 18-character ID numbers and mainland mobile numbers written anywhere in a text, not inside a longer number.
const ID_NUMBER_IN_TEXT = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/**
 * Free text with the personal data of `people` masked wherever it is written: each known name,
 * ID number, phone and address is replaced by its mask (`黄长林` → `黄*林`); with `generic`, every
 * other ID number and mobile number in the text is masked too. One pass, longest value first, so a
 * name inside a longer one (`钱静` in `钱静怡`) never leaves half of the longer one readable.
 */
export function maskPersonalText(text: string, people: readonly KnownPerson[], options: { generic?: boolean } = {}): string {
  const masks = new Map<string, string>();
  const add = (value: string | null | undefined, mask: (v: string) => string) => {
    const v = value?.trim();
    // A one-character "name" would mask that character everywhere: not a name worth finding.
    if (v && [...v].length >= 2) masks.set(v, mask(v));
  };
  for (const p of people) {
    add(p.name, maskName);
    add(p.idNumber, maskIdNumber);
    add(p.phone, maskPhone);
    add(p.address, maskAddress);
  }
  let masked = text;
  if (masks.size > 0) {
    const values = [...masks.keys()].sort((a, b) => b.length - a.length).map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    masked = masked.replace(new RegExp(values.join('|'), 'g'), (found) => masks.get(found) ?? found);
  }
  if (options.generic) masked = masked.replace(ID_NUMBER_IN_TEXT, maskIdNumber).replace(MOBILE_IN_TEXT, maskPhone);
  return masked;
}
