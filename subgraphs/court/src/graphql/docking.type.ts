import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The hub's docking (对接台账), to which the court contributes the case it sent to mediation. */
@Directive('@key(fields: "id")')
@ObjectType('Docking')
export class DockingRef {
  @Field(() => ID)
  id!: string;
}
