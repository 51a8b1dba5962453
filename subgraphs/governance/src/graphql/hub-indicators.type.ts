import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DockingKind } from './enums.js';

@ObjectType('HubIndicators', {
  description:
    '综治中心指标(区划、期间):矛盾纠纷登记与化解、排查报送、预警、督办;期间类指标按事件发生时刻计入期间,注明“当前”的为此刻快照(与期间无关)Hub figures',
})
export class HubIndicatorsType {
  @Field(() => Int, { description: '纠纷登记数:期间内统一受理登记的矛盾纠纷' })
  registered!: number;

  @Field(() => Int, { description: '化解成功数:期间内化解成功的纠纷(不论何时登记)' })
  resolved!: number;

  @Field(() => Float, { nullable: true, description: '矛盾纠纷化解率 = 化解成功数 ÷ 纠纷登记数(分母为 0 时为空)' })
  resolutionRate!: number | null;

  @Field(() => Int, { description: '超期未办结数:期间内登记、当前已超过所处环节时限仍未办结的纠纷' })
  overdue!: number;

  @Field(() => Int, {
    description: '应报排查报告数:期间内结束且已过报送期限(周期结束后宽限期满)的排查周期数 × 应报区划数(村、社区每周一份,镇、街道每半月一份;虚拟社区不计)',
  })
  screeningDue!: number;

  @Field(() => Int, { description: '已报排查报告数:应报排查报告中已收到的(含零报告与逾期补报)' })
  screeningReceived!: number;

  @Field(() => Int, { description: '零报告数:已报排查报告中无排查发现的' })
  zeroReports!: number;

  @Field(() => Float, { nullable: true, description: '排查报告报送率 = 已报排查报告数 ÷ 应报排查报告数(零报告计入已报;分母为 0 时为空)' })
  screeningComplianceRate!: number | null;

  @Field(() => Int, { description: '预警数:期间内发出的风险预警' })
  alertsRaised!: number;

  @Field(() => Int, { description: '未处置预警数:当前仍未处置的风险预警(不论何时发出)' })
  openAlerts!: number;

  @Field(() => Int, { description: '督办立项数:期间内立项的督办事项' })
  supervisionOpened!: number;

  @Field(() => Int, { description: '督办销号数:期间内销号的督办事项' })
  supervisionCleared!: number;

  @Field(() => Int, { description: '督办中事项数:当前尚未销号的督办事项' })
  supervisionOpen!: number;

  @Field(() => Int, {
    description: '应督办数(超期未办结):当前已超过时限仍在办的纠纷与对接,不论何时登记或发出(督办扫描据此立项;扫描后督办中事项数与之相等)',
  })
  supervisionOverdue!: number;
}

@ObjectType('DockingFunnel', {
  description:
    '对接漏斗(一类对接):期间内发出的对接,到此刻走到哪一步——接收或退回、办结(达成协议或未达成)、超期未接收、超期未办结;司法确认申请不计 Docking funnel of one kind',
})
export class DockingFunnelType {
  @Field(() => DockingKind, { description: '对接类型' })
  kind!: string;

  @Field(() => String, { description: '对接类型(中文:诉调、公调、检调、访调、援调、分流转办)' })
  kindLabel!: string;

  @Field(() => Int, { description: '发出数:期间内发出的对接' })
  sent!: number;

  @Field(() => Int, { description: '接收数:其中已被接收的(含其后办结的)' })
  accepted!: number;

  @Field(() => Int, { description: '退回数:其中被退回(不予受理)的' })
  rejected!: number;

  @Field(() => Float, { nullable: true, description: '接收率 = 接收数 ÷ 发出数' })
  acceptanceRate!: number | null;

  @Field(() => Int, { description: '办结数:其中已办结(反馈结果)的' })
  concluded!: number;

  @Field(() => Int, { description: '达成协议数:办结中调解成功的' })
  concludedWithAgreement!: number;

  @Field(() => Int, { description: '未达成协议数:办结中调解不成或终止的' })
  concludedWithoutAgreement!: number;

  @Field(() => Float, { nullable: true, description: '调解成功率 = 达成协议数 ÷ 办结数' })
  agreementRate!: number | null;

  @Field(() => Int, { description: '超期未接收数:其中此刻仍未接收且已过接收时限的' })
  overdueAcceptance!: number;

  @Field(() => Int, { description: '超期未办结数:其中已接收、此刻仍未办结且已过办结时限的' })
  overdueConclusion!: number;
}
