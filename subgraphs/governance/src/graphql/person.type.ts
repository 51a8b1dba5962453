import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A person across agencies, known only by the pseudonymous key; every agency may add its records. */
@Directive('@key(fields: "key")')
@ObjectType('Person', { description: '人员(以人员键关联,不含身份证号) A person, by pseudonymous key' })
export class PersonType {
  @Field(() => ID, { description: '人员键' })
  key!: string;
}
