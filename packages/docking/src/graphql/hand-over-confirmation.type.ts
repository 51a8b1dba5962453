import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { PersonalText, type PersonalTextRead, type Row } from '@jiefen/subgraph-kit';
import type { DockingOutgoing } from '../entities/outgoing-docking.entity.js';

// The court's word on the agreement a hand-over ended with, as the agency that started the case
// shows it on its record (公调 transfer, 访调 petition item, 检调 case, the hub's routing): one type
// for every sender, read from the hand-over's row (`applyDockingFeedback` keeps it).

/** 人民法院对司法确认申请的决定: the GraphQL enum `JudicialConfirmationRuling` (the contract's values). */
export enum JudicialConfirmationRulingEnum {
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
  REFUSED = 'REFUSED',
}
registerEnumType(JudicialConfirmationRulingEnum, {
  name: 'JudicialConfirmationRuling',
  description: '人民法院对司法确认申请的决定',
  valuesConfig: { CONFIRMED: { description: '裁定确认调解协议有效' }, REJECTED: { description: '裁定驳回申请' }, REFUSED: { description: '不予受理' } },
});

@Directive('@shareable')
@ObjectType('HandOverConfirmation', {
  description: '移交所得调解协议的司法确认与执行(由调解组织转来的人民法院决定) The court’s ruling on the agreement a hand-over ended with',
})
export class HandOverConfirmationType {
  @Field(() => JudicialConfirmationRulingEnum, { description: '人民法院的决定' })
  ruling!: JudicialConfirmationRulingEnum;

  @Field(() => String, { nullable: true, description: '司法确认案号(调确字;受理前不予受理的为空)' })
  caseNumber!: string | null;

  @Field(() => Date, { description: '裁定(决定)时间' })
  ruledAt!: Date;

  @PersonalText()
  @Field(() => String, { nullable: true, description: '驳回或不予受理的理由' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: '申请强制执行的执行案号(执字)' })
  enforcementCaseNumber!: string | null;

  @Field(() => Date, { nullable: true, description: '申请强制执行时间' })
  enforcementAppliedAt!: Date | null;

  /** The sender's record's read: the court's reason may name its parties. */
  personal!: PersonalTextRead;
}

/** A hand-over's confirmation as the record shows it; null until a ruling arrived. */
export function toHandOverConfirmation(docking: DockingOutgoing | null | undefined, personal: PersonalTextRead): HandOverConfirmationType | null {
  if (!docking?.confirmationRuling || !docking.confirmationRuledAt) return null;
  return {
    ruling: docking.confirmationRuling as JudicialConfirmationRulingEnum,
    caseNumber: docking.confirmationCaseNumber ?? null,
    ruledAt: docking.confirmationRuledAt,
    reason: docking.confirmationReason ?? null,
    enforcementCaseNumber: docking.enforcementCaseNumber ?? null,
    enforcementAppliedAt: docking.enforcementAppliedAt ?? null,
    personal,
  };
}

/** The record's latest hand-over that carries a ruling (a record handed over again after an agreement keeps it). */
export function confirmedHandOver(dockings: readonly Row<DockingOutgoing>[]): Row<DockingOutgoing> | null {
  return dockings.findLast((d) => d.confirmationRuling) ?? null;
}
