import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The hub's dispute, to which the justice bureau contributes its mediation cases. */
@Directive('@key(fields: "id")')
@ObjectType('Dispute')
export class DisputeRef {
  @Field(() => ID)
  id!: string;
}
