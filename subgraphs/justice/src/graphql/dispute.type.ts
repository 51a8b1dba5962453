import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The hub's dispute, to which the justice bureau contributes its mediation and legal aid cases. */
@Directive('@key(fields: "id")')
@ObjectType('Dispute')
export class DisputeRef {
  @Field(() => ID)
  id!: string;
}

/** The hub's docking (对接), to which the justice bureau contributes its mediation work on it. */
@Directive('@key(fields: "id")')
@ObjectType('Docking')
export class DockingRef {
  @Field(() => ID)
  id!: string;
}
