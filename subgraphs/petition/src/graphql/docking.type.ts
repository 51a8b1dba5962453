import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The hub's docking, to which the 信访局 contributes its source record (信访事项). */
@Directive('@key(fields: "id")')
@ObjectType('Docking')
export class DockingRef {
  @Field(() => ID)
  id!: string;
}
