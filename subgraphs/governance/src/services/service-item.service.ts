import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Caller } from '@jiefen/auth';
import { check, DomainError } from '@jiefen/subgraph-kit';
import { TIERS } from '../domain/tiers.js';
import { ServiceItem } from '../entities/service-item.entity.js';
import type { ServiceItemInput } from '../domain/commands.js';
import { requireRegion } from './dispute-registration.service.js';
import { requireHubSupervisor } from './hub-rules.js';

/** A service-list code: letters, digits and hyphens (e.g. FW-001), never empty. */
export function checkServiceItemCode(field: string, value: string): string {
  const code = check.text(field, '服务清单事项编码', value, { max: 20 });
  if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(code)) throw DomainError.validation(field, `服务清单事项编码 ${code} 格式无效(字母、数字和连字符)`);
  return code.toUpperCase();
}

/** Whether an item owned by `itemRegion` applies to a dispute in `disputeRegion` (the item's region contains it). */
export function appliesTo(itemRegion: string, disputeRegion: string): boolean {
  return disputeRegion.startsWith(itemRegion);
}

/**
 * 服务清单: the hub publishes an item (item, legal basis, level, handling body, conditions, materials)
 * for a region of its jurisdiction (default: the whole jurisdiction).
 */
export async function publishServiceItem(em: EntityManager, caller: Caller, input: ServiceItemInput): Promise<ServiceItem> {
  requireHubSupervisor(caller);
  const item = {
    code: checkServiceItemCode('code', input.code),
    name: check.text('name', '事项名称', input.name, { max: 100 }),
    regionCode: check.regionCode('regionCode', input.regionCode ?? caller.jurisdiction, [6, 9]),
    legalBasis: check.text('legalBasis', '法律依据', input.legalBasis, { max: 2000 }),
    level: check.oneOf('level', '办理层级', input.level, TIERS),
    handlingBody: check.text('handlingBody', '承办单位', input.handlingBody, { max: 100 }),
    conditions: check.text('conditions', '办理条件', input.conditions, { max: 2000 }),
    materials: check.text('materials', '所需材料', input.materials, { max: 2000 }),
  };
  requireHubSupervisor(caller, item.regionCode);
  await requireRegion(em, caller, 'regionCode', item.regionCode);
  if (await em.count(ServiceItem, { code: item.code })) throw DomainError.validation('code', '事项编码已存在');
  const row = em.create(ServiceItem, { ...item, id: randomUUID() });
  await em.flush();
  return row;
}

/** Takes an item off the list (kept for the notices that cited it): only inside the caller's jurisdiction. */
export async function withdrawServiceItem(em: EntityManager, caller: Caller, code: string): Promise<ServiceItem> {
  requireHubSupervisor(caller);
  const item = await em.findOne(ServiceItem, { code: checkServiceItemCode('code', code) });
  if (!item) throw DomainError.notFound('服务清单事项', code);
  requireHubSupervisor(caller, item.regionCode);
  if (!item.active) throw new DomainError('ILLEGAL_TRANSITION', '该事项已撤下');
  item.active = false;
  await em.flush();
  return item;
}
