import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The hub's dispute, to which the petition bureau contributes its petitions. */
@Directive('@key(fields: "id")')
@ObjectType('Dispute')
export class DisputeRef {
  @Field(() => ID)
  id!: string;
}
