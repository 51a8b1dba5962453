import { Directive, Field, InputType, ObjectType } from 'type-graphql';

/**
 * The organization a case is handed over to, named the same way by every hand-over (公调, 诉调
 * 委派/委托, 检调, 访调, 援调): its 统一社会信用代码, and optionally its name (the receiver's own
 * answer is authoritative). Errors about it name `receiver.creditCode` / `receiver.name`.
 */
@InputType('ReceivingOrganizationInput', { description: '接收单位(移交、委派、委托、转介的对象) The organization a case is handed over to' })
export class ReceivingOrganizationInput {
  @Field(() => String, { description: '统一社会信用代码 Unified social credit code' })
  creditCode!: string;

  @Field(() => String, { nullable: true, description: '名称(可省略,受理后以接收单位反馈为准) Name' })
  name?: string | null;
}

export const RECEIVER_DESCRIPTION = '接收的调解组织(统一社会信用代码与名称)';

/** The organization a case was handed over to, as every record that hands over shows it (`receivingOrganization`). */
@Directive('@shareable')
@ObjectType('ReceivingOrganization', { description: '接收单位(移交、委派、委托、转介的对象) The organization a case was handed over to' })
export class ReceivingOrganizationType {
  @Field(() => String, { description: '统一社会信用代码' })
  creditCode!: string;

  @Field(() => String, { nullable: true, description: '名称(受理后以接收单位反馈为准)' })
  name!: string | null;
}

/** `receivingOrganization` from a hand-over's stored receiver: null when there is none (yet). */
export function receivingOrganizationOf(
  handOver: { organizationCode?: string | null; organizationName?: string | null } | null | undefined,
): ReceivingOrganizationType | null {
  if (!handOver?.organizationCode) return null;
  return { creditCode: handOver.organizationCode, name: handOver.organizationName ?? null };
}

export const RECEIVER_DEPRECATION = '用 receivingOrganization { creditCode name }(各类移交统一的接收单位)';
