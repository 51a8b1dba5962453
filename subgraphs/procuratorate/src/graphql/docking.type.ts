import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The hub's docking, to which the 检察院 contributes its source record (检察案件). */
@Directive('@key(fields: "id")')
@ObjectType('Docking')
export class DockingRef {
  @Field(() => ID)
  id!: string;
}
