import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The hub's dispute, to which the procuratorate contributes its cases. */
@Directive('@key(fields: "id")')
@ObjectType('Dispute')
export class DisputeRef {
  @Field(() => ID)
  id!: string;
}
