import { registerEnumType } from 'type-graphql';

/**
 * How a case was handed over, as the API names it. 委派 and 委托 are both a court sending a case to
 * mediation and differ only in when (《最高人民法院关于人民法院特邀调解的规定》): 委派 before the case
 * is filed (诉前, 30 days), 委托 after filing or during trial (诉中, 15 days ordinary / 7 days
 * summary procedure) — and a procuratorate's 委托 of a criminal reconciliation during review for
 * prosecution, likewise inside proceedings. The API names say when, so the two cannot be mistaken for each other; the
 * docking contract and the records keep their own values, mapped at the GraphQL edge.
 */
export const DOCKING_MODE_API_NAMES = {
  PRE_FILING_DELEGATION: '委派调解:立案前,人民法院委派特邀调解组织或特邀调解员调解(诉前调解,期限 30 日)',
  IN_LITIGATION_COMMISSION:
    '委托调解:案件进入诉讼程序后委托调解组织调解——人民法院立案后或审理中(普通程序 15 日、简易程序 7 日),人民检察院审查起诉中的刑事和解(检调对接)',
  TRANSFER: '移交(公安、检察、信访等部门移交人民调解)',
  REFERRAL: '转介(如法律援助与人民调解之间)',
  CONFIRMATION: '司法确认申请(调解协议送法院确认)',
} as const;
export type DockingModeApiName = keyof typeof DOCKING_MODE_API_NAMES;

/**
 * Registers a docking-mode enum whose API names are {@link DOCKING_MODE_API_NAMES} and whose
 * values are the ones this agency stores (`{ PRE_FILING_DELEGATION: 'ENTRUST', … }`): a resolver
 * returns and receives the stored value, the client sees the unambiguous name and its Chinese
 * description with the legal basis.
 */
export function registerDockingModeEnum<V extends string>(
  name: string,
  description: string,
  values: Partial<Record<DockingModeApiName, V>>,
): Record<string, V> {
  const object = { ...values } as Record<string, V>;
  registerEnumType(object, {
    name,
    description,
    valuesConfig: Object.fromEntries(Object.keys(values).map((key) => [key, { description: DOCKING_MODE_API_NAMES[key as DockingModeApiName] }])),
  });
  return object;
}
