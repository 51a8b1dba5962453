import { isValidAmount, isValidCreditCode, isValidPhone, isValidRegionCode, parseIdNumber, type IdNumberInfo } from '@jiefen/codes';
import { DomainError } from './errors.js';

/**
 * Boundary validation: each check throws `VALIDATION_FAILED` naming the field, with a Chinese
 * message, before anything is written. `label` is the field's Chinese name.
 */
export const check = {
  text(field: string, label: string, value: string, { min = 1, max }: { min?: number; max: number }): string {
    const trimmed = value.trim();
    const length = [...trimmed].length;
    if (length < min) throw DomainError.validation(field, min === 1 ? `${label}不能为空` : `${label}至少 ${min} 个字`);
    if (length > max) throw DomainError.validation(field, `${label}不能超过 ${max} 个字`);
    return trimmed;
  },

  optionalText(field: string, label: string, value: string | null | undefined, max: number): string | null {
    if (value === null || value === undefined || value.trim() === '') return null;
    return check.text(field, label, value, { max });
  },

  idNumber(field: string, value: string): { value: string; info: IdNumberInfo } {
    const normalized = value.trim().toUpperCase();
    const info = parseIdNumber(normalized);
    if (!info) throw DomainError.validation(field, '公民身份号码无效(位数、出生日期或校验码不符)');
    return { value: normalized, info };
  },

  creditCode(field: string, value: string): string {
    const normalized = value.trim().toUpperCase();
    if (!isValidCreditCode(normalized)) throw DomainError.validation(field, '统一社会信用代码无效(格式或校验码不符)');
    return normalized;
  },

  phone(field: string, value: string): string {
    const normalized = value.replace(/[\s()]/g, '');
    if (!isValidPhone(normalized)) throw DomainError.validation(field, '联系电话无效(11 位手机号或带区号的固定电话)');
    return normalized;
  },

  regionCode(field: string, value: string, lengths: readonly number[] = [6, 9, 12]): string {
    if (!isValidRegionCode(value) || !lengths.includes(value.length)) {
      throw DomainError.validation(field, `区划代码须为 ${lengths.join('、')} 位数字`);
    }
    return value;
  },

  /** A calendar date `YYYY-MM-DD`, optionally not in the future. */
  date(field: string, label: string, value: string, { notFuture = false }: { notFuture?: boolean } = {}): string {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
    if (!date || date.toISOString().slice(0, 10) !== value) throw DomainError.validation(field, `${label}须为有效日期(YYYY-MM-DD)`);
    if (notFuture && date.getTime() > Date.now()) throw DomainError.validation(field, `${label}不能晚于今天`);
    return value;
  },

  amount(field: string, label: string, value: number): number {
    if (!isValidAmount(value)) throw DomainError.validation(field, `${label}须为非负金额,最多两位小数`);
    return value;
  },

  int(field: string, label: string, value: number, { min, max }: { min: number; max: number }): number {
    if (!Number.isInteger(value) || value < min || value > max) throw DomainError.validation(field, `${label}须为 ${min} 到 ${max} 之间的整数`);
    return value;
  },

  oneOf<T extends string>(field: string, label: string, value: string, allowed: readonly T[]): T {
    if (!(allowed as readonly string[]).includes(value)) throw DomainError.validation(field, `${label}无效,可选值:${allowed.join('、')}`);
    return value as T;
  },
};

/** One invalid field of an input: its path (`input[2].reporterPhone`) and the Chinese reason. */
export interface InvalidField {
  field: string;
  message: string;
}

/**
 * Every invalid field at once, as one `VALIDATION_FAILED`: `field` is the first (as a single
 * check reports it), `fields` and `invalid` list them all, so a clerk corrects a form (or a
 * station a batch) in one pass.
 */
export function invalidFields(invalid: readonly InvalidField[]): DomainError {
  const message = `输入有误(${invalid.length} 处):${invalid.map((e) => `${e.field}:${e.message}`).join(';')}`;
  return new DomainError('VALIDATION_FAILED', message, { field: invalid[0]?.field, fields: invalid.map((e) => e.field), invalid: [...invalid] });
}

/**
 * Collects the failures of many `check.*` calls instead of stopping at the first. `field(run)`
 * returns the checked value, or `undefined` when the check failed (its failure is kept);
 * `done()` throws them all (see {@link invalidFields}) or returns when there is none.
 */
export class FieldErrors {
  readonly invalid: InvalidField[] = [];

  field<T>(run: () => T): T | undefined {
    try {
      return run();
    } catch (error) {
      if (!DomainError.is(error) || error.code !== 'VALIDATION_FAILED') throw error;
      const nested = error.details.invalid as InvalidField[] | undefined;
      if (nested) this.invalid.push(...nested);
      else this.invalid.push({ field: String(error.details.field ?? ''), message: error.message });
      return undefined;
    }
  }

  add(field: string, message: string): void {
    this.invalid.push({ field, message });
  }

  get ok(): boolean {
    return this.invalid.length === 0;
  }

  done(): void {
    if (this.invalid.length) throw invalidFields(this.invalid);
  }
}

/**
 * Runs every check of a form and returns their values by name, or throws one `VALIDATION_FAILED`
 * listing every invalid field (see {@link FieldErrors}): a check that itself lists many (a party
 * list, a nested form) adds all of them. Use it wherever a mutation checks more than one field.
 */
export function checkAll<T extends Record<string, () => unknown>>(checks: T): { [K in keyof T]: ReturnType<T[K]> } {
  const errors = new FieldErrors();
  const values: Record<string, unknown> = {};
  for (const [name, run] of Object.entries(checks)) values[name] = errors.field(run);
  errors.done();
  return values as { [K in keyof T]: ReturnType<T[K]> };
}

/** Checks every item of a list (each party, each document): all their invalid fields at once. */
export function checkEach<I, T>(items: readonly I[], run: (item: I, index: number) => T): T[] {
  const errors = new FieldErrors();
  const values = items.map((item, index) => errors.field(() => run(item, index)));
  errors.done();
  return values as T[];
}
