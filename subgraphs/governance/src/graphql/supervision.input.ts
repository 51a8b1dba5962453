import { Field, ID, InputType, Int } from 'type-graphql';
import type * as Command from '../domain/commands.js';

@InputType('SupervisionActionInput', { description: '催办或提级督办' })
export class SupervisionActionInput implements Command.SupervisionActionInput {
  @Field(() => ID)
  itemId!: string;

  @Field(() => String, { nullable: true, description: '意见' })
  note?: string | null;

  @Field(() => Int, { nullable: true, description: '期望版本号(乐观锁)' })
  expectedVersion?: number | null;
}
