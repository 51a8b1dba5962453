import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '@jiefen/subgraph-kit';

export enum PetitionForm {
  LETTER = 'LETTER',
  VISIT = 'VISIT',
  ONLINE = 'ONLINE',
  PHONE = 'PHONE',
}
registerEnumType(PetitionForm, {
  name: 'PetitionForm',
  description: '信访形式 How the petition was made',
  valuesConfig: {
    LETTER: { description: '来信' },
    VISIT: { description: '来访(走访)' },
    ONLINE: { description: '网上信访' },
    PHONE: { description: '电话' },
  },
});

export enum PetitionItemStatus {
  REGISTERED = 'REGISTERED',
  ACCEPTED = 'ACCEPTED',
  NOT_ACCEPTED = 'NOT_ACCEPTED',
  TRANSFERRED = 'TRANSFERRED',
  CONCLUDED = 'CONCLUDED',
}
registerEnumType(PetitionItemStatus, {
  name: 'PetitionItemStatus',
  description: '信访事项状态 Petition status',
  valuesConfig: {
    REGISTERED: { description: '已登记,待受理' },
    ACCEPTED: { description: '已受理,办理中' },
    NOT_ACCEPTED: { description: '不予受理' },
    TRANSFERRED: { description: '已转送(交办)有权处理机关或移交人民调解(访调对接)' },
    CONCLUDED: { description: '已办结,出具处理意见' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType('PetitionItem', { description: '信访事项 A petition registered by the petition bureau' })
export class PetitionItemType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '所属纠纷编号' })
  disputeId!: string;

  @Field(() => String, { description: '信访件编号' })
  itemNumber!: string;

  @Field(() => PetitionForm, { description: '信访形式' })
  form!: PetitionForm;

  @Field(() => String, { description: '信访事由' })
  subject!: string;

  @Field(() => PetitionItemStatus, { description: '状态' })
  status!: PetitionItemStatus;

  @Field(() => String, { description: '区划代码' })
  regionCode!: string;

  @Field(() => Date, { description: '登记时间' })
  registeredAt!: Date;
}

export const PetitionItemConnection = ConnectionType('PetitionItem', PetitionItemType, '信访事项列表');
