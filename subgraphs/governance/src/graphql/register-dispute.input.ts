import { Field, InputType, Int } from 'type-graphql';
import { DisputeCategoryEnum } from '@jiefen/subgraph-kit';
import { DocumentInput } from './dispute-document.input.js';
import type * as Command from '../domain/commands.js';
import { DisputeChannel, DisputePartyRole } from './enums.js';

@InputType('DisputePartyInput', { description: '当事人信息' })
export class PartyInput implements Command.PartyInput {
  @Field(() => DisputePartyRole, { description: '身份' })
  role!: string;

  @Field(() => String, { description: '姓名' })
  name!: string;

  @Field(() => String, { nullable: true, description: '公民身份号码(18 位,校验码与出生日期须有效)' })
  idNumber?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: '住址' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: '出生日期 YYYY-MM-DD(有身份证号时以身份证号为准)' })
  birthDate?: string | null;
}

@InputType('RegisterDisputeInput', { description: '统一受理登记 Register a dispute at the front desk' })
export class RegisterDisputeInput implements Command.RegisterDisputeInput {
  @Field(() => DisputeCategoryEnum, { description: '纠纷类别(人民调解统计口径)' })
  category!: string;

  @Field(() => DisputeChannel, { description: '受理渠道' })
  channel!: string;

  @Field(() => String, { description: '纠纷概要(5–2000 字)' })
  summary!: string;

  @Field(() => String, { description: '发生地:9 位乡镇(街道)或 12 位村(社区)代码,须在本人辖区内' })
  regionCode!: string;

  @Field(() => Int, { description: '涉及人数' })
  peopleInvolved!: number;

  @Field(() => [PartyInput], { description: '当事人' })
  parties!: PartyInput[];

  @Field(() => String, { nullable: true, description: '当事人诉求(归档)' })
  claims?: string | null;

  @Field(() => [DocumentInput], { nullable: true, description: '随登记归档的材料(元数据)' })
  documents?: DocumentInput[] | null;
}
