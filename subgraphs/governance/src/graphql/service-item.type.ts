import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DisputeTier } from './enums.js';
import type * as Command from '../domain/commands.js';

@ObjectType('ServiceItem', { description: "服务清单事项(公开)An item of the hub's public service list" })
export class ServiceItemType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '事项编码' })
  code!: string;

  @Field(() => String, { description: '事项名称' })
  name!: string;

  @Field(() => String, { description: '所属区划(发布该事项的县或乡镇;适用于其辖区内的纠纷)' })
  regionCode!: string;

  @Field(() => String, { description: '法律依据' })
  legalBasis!: string;

  @Field(() => DisputeTier, { description: '办理层级' })
  level!: string;

  @Field(() => String, { description: '承办单位' })
  handlingBody!: string;

  @Field(() => String, { description: '办理条件' })
  conditions!: string;

  @Field(() => String, { description: '所需材料' })
  materials!: string;

  @Field(() => Boolean, { description: '是否有效' })
  active!: boolean;
}

@InputType('ServiceItemInput', { description: '服务清单事项' })
export class ServiceItemInput implements Command.ServiceItemInput {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: '所属区划(默认本人辖区),须在本人辖区内' }) regionCode?: string | null;
  @Field(() => String) legalBasis!: string;
  @Field(() => DisputeTier, { description: '办理层级' }) level!: string;
  @Field(() => String) handlingBody!: string;
  @Field(() => String) conditions!: string;
  @Field(() => String) materials!: string;
}
