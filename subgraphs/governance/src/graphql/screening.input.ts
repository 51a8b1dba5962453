import { Field, ID, InputType, Int } from 'type-graphql';
import { DisputeCategoryEnum } from '@jiefen/subgraph-kit';
import { DocumentInput } from './dispute-document.input.js';
import { PartyInput } from './register-dispute.input.js';
import type * as Command from '../domain/commands.js';
import { Forecast } from './enums.js';

@InputType('ScreeningFindingInput', { description: '排查发现' })
export class ScreeningFindingInput implements Command.ScreeningFindingInput {
  @Field(() => DisputeCategoryEnum, { description: '纠纷类别' })
  category!: string;

  @Field(() => String, { description: '起因' })
  cause!: string;

  @Field(() => String, { description: '发生时间 YYYY-MM-DD' })
  occurredOn!: string;

  @Field(() => String, { description: '发生地点' })
  place!: string;

  @Field(() => String, { nullable: true, description: '涉及单位' })
  unit?: string | null;

  @Field(() => Int, { description: '涉及人数' })
  peopleInvolved!: number;

  @Field(() => String, { nullable: true, description: '重点人员' })
  keyPersons?: string | null;

  @Field(() => Forecast, { description: '研判预测' })
  forecast!: string;
}

@InputType('SubmitScreeningReportInput', { description: '报送排查报告(无发现即零报告)' })
export class SubmitScreeningReportInput implements Command.SubmitScreeningReportInput {
  @Field(() => String, { description: '区划:12 位村(社区)按周,9 位镇(街道)按半月' })
  regionCode!: string;

  @Field(() => String, { description: '排查周期,如 2026-W48(周)或 2026-11-H2(下半月)' })
  periodKey!: string;

  @Field(() => [ScreeningFindingInput], { description: '排查发现;为空即零报告' })
  findings!: ScreeningFindingInput[];
}

@InputType('RegisterFromFindingInput', { description: '排查发现一键登记为纠纷' })
export class RegisterFromFindingInput implements Command.RegisterFromFindingInput {
  @Field(() => ID)
  findingId!: string;

  @Field(() => String, { nullable: true, description: '纠纷概要(默认取起因)' })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: '当事人诉求' })
  claims?: string | null;

  @Field(() => [PartyInput], { description: '当事人' })
  parties!: PartyInput[];

  @Field(() => [DocumentInput], { nullable: true, description: '材料' })
  documents?: DocumentInput[] | null;
}
