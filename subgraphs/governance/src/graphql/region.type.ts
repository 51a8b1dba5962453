import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWN = 'TOWN',
  VILLAGE = 'VILLAGE',
}
registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: '区划层级 Region level',
  valuesConfig: {
    PROVINCE: { description: '省' },
    CITY: { description: '市' },
    COUNTY: { description: '县(市、区)' },
    TOWN: { description: '乡镇(街道)' },
    VILLAGE: { description: '村(社区)' },
  },
});

@Directive('@key(fields: "code")')
@ObjectType('Region', { description: '行政区划 Administrative region (GB/T 2260, 统计用区划代码)' })
export class RegionType {
  @Field(() => String, { description: '区划代码(6、9 或 12 位)' })
  code!: string;

  @Field(() => String, { description: '名称' })
  name!: string;

  @Field(() => RegionLevel, { description: '层级' })
  level!: RegionLevel;

  @Field(() => String, { nullable: true, description: '上级区划代码' })
  parentCode!: string | null;

  @Field(() => Int, { nullable: true, description: '常住人口(用于万人成讼率等指标)' })
  population!: number | null;
}
