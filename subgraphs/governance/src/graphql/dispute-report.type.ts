import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { AGENCIES, AGENCY_NAMES } from '@jiefen/auth';
import { DISPUTE_REPORT_DECISIONS, type DisputeReportDecision } from '@jiefen/docking';

export const DisputeReportDecisionEnum = Object.fromEntries(DISPUTE_REPORT_DECISIONS.map((v) => [v, v])) as Record<
  DisputeReportDecision,
  DisputeReportDecision
>;
registerEnumType(DisputeReportDecisionEnum, {
  name: 'DisputeReportDecision',
  description: '一案一号:综治中心对部门报告的决定 The hub’s decision on a reported dispute',
  valuesConfig: { REGISTERED: { description: '登记为新纠纷' }, LINKED: { description: '关联到已登记的同一纠纷' } },
});

export const ReportingAgency = Object.fromEntries(AGENCIES.map((a) => [a, a])) as Record<(typeof AGENCIES)[number], (typeof AGENCIES)[number]>;
registerEnumType(ReportingAgency, {
  name: 'ReportingAgency',
  description: '报告纠纷的部门 The agency that reported a dispute',
  valuesConfig: Object.fromEntries(AGENCIES.map((a) => [a, { description: AGENCY_NAMES[a] }])) as Record<(typeof AGENCIES)[number], { description: string }>,
});

@ObjectType('DisputeReport', {
  description: '部门报告的纠纷及综治中心的决定(登记或关联),一案一号 A record another agency reported, and whether the hub registered or linked it',
})
export class DisputeReportType {
  @Field(() => ReportingAgency, { description: '报告部门' })
  agency!: string;

  @Field(() => String, { description: '报告的记录类型(如 PoliceIncident 警情、CourtCase 法院案件)' })
  recordType!: string;

  @Field(() => String, { description: '该记录在报告部门的编号(警情编号、案号等)' })
  recordNumber!: string;

  @Field(() => String, { nullable: true, description: '报告单位' })
  organizationName!: string | null;

  @Field(() => DisputeReportDecisionEnum, { description: '决定:登记为新纠纷或关联到已有纠纷' })
  decision!: string;

  @Field(() => String, { description: '决定理由(关联时写明相同的当事人、发生地和类别)' })
  reason!: string;

  @Field(() => Date, { description: '报告时间' })
  reportedAt!: Date;

  @Field(() => Date, { description: '答复时间' })
  answeredAt!: Date;
}
