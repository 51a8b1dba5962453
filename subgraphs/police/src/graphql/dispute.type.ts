import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The hub's dispute, to which the police contribute their incidents. */
@Directive('@key(fields: "id")')
@ObjectType('Dispute')
export class DisputeRef {
  @Field(() => ID)
  id!: string;
}
