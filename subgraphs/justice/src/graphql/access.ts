import type { Caller } from '@jiefen/auth';
import { check, DomainError, requireListAccess } from '@jiefen/subgraph-kit';
import { addDaysToDate, startOfChinaDay } from '@jiefen/calendar';
import { isOrganizationBound } from '../domain/access.rules.js';
import type { JusticeContext } from './context.js';

/**
 * Access to the justice bureau's case lists: the jurisdiction prefix (narrowed by a requested
 * region, never widened), and for a mediator their organization.
 */
export function caseListAccess(ctx: JusticeContext, regionCode?: string | null): { caller: Caller; regionPrefix: string; organizationCode: string | null } {
  const { regionPrefix } = requireListAccess(ctx, 'JUSTICE');
  const caller = ctx.caller!;
  let prefix = regionPrefix;
  if (regionCode) {
    if (!/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(regionCode)) throw DomainError.validation('regionCode', '区划代码须为 2、4、6、9 或 12 位数字');
    if (regionCode.startsWith(regionPrefix)) prefix = regionCode;
    else if (!regionPrefix.startsWith(regionCode)) throw DomainError.forbidden('所查区划不在本人辖区内');
  }
  return { caller, regionPrefix: prefix, organizationCode: isOrganizationBound(caller) ? caller.organization : null };
}

/** A period of calendar days in China time, both ends included: [from 00:00, to + 1 day 00:00). */
export function periodOf(from: string | null | undefined, to: string | null | undefined): { from: Date | null; to: Date | null } {
  const start = from ? check.date('from', '起始日期', from) : null;
  const end = to ? check.date('to', '截止日期', to) : null;
  if (start && end && start > end) throw DomainError.validation('to', '截止日期不能早于起始日期');
  return {
    from: start ? startOfChinaDay(start) : null,
    to: end ? startOfChinaDay(addDaysToDate(end, 1)) : null,
  };
}
