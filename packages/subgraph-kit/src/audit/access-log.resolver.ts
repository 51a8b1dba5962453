import { Args, Ctx, Directive, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { hasRole, type Agency } from '@jiefen/auth';
import { requireCaller } from '../access.js';
import { DomainError } from '../errors.js';
import { ConnectionType, keysetPage, PageArgs } from '../pagination.js';
import type { SubgraphContext } from '../subgraph.js';
import { PersonalDataAccess } from './personal-data-access.entity.js';

/** One line of an agency's personal-data access log. */
@Directive('@shareable')
@ObjectType('PersonalDataAccess', { description: '个人信息访问记录(只增不改) A logged unmasked read of personal data' })
export class PersonalDataAccessType {
  @Field(() => String)
  id!: string;

  @Field(() => Date, { description: '访问时间' })
  accessedAt!: Date;

  @Field(() => String, { description: '访问人(令牌主体)' })
  subject!: string;

  @Field(() => String, { description: '访问人姓名' })
  callerName!: string;

  @Field(() => String, { description: '访问人所属部门' })
  agency!: string;

  @Field(() => String, { description: '访问人所属机构代码' })
  organization!: string;

  @Field(() => String, { description: '记录类型' })
  recordType!: string;

  @Field(() => String, { description: '记录编号' })
  recordId!: string;

  @Field(() => [String], { description: '读取的未脱敏字段' })
  fields!: string[];

  @Field(() => String, { description: '请求编号' })
  requestId!: string;
}

export const PersonalDataAccessConnection = ConnectionType('PersonalDataAccess', PersonalDataAccessType, '个人信息访问记录', { shareable: true });

/**
 * The owning agency's access log, read by its ADMIN only, newest first. Each subgraph gets its own
 * root field (`<agency>AccessLog`) since every agency keeps its own log. No mutation exists.
 */
export function createAccessLogResolver(agency: Agency, fieldName: string) {
  @Resolver()
  class AccessLogResolver {
    @Query(() => PersonalDataAccessConnection, { name: fieldName, description: `个人信息访问记录(仅本部门管理员可查)` })
    async accessLog(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: SubgraphContext): Promise<InstanceType<typeof PersonalDataAccessConnection>> {
      const caller = requireCaller(ctx);
      if (caller.agency !== agency || !hasRole(caller, 'ADMIN')) throw DomainError.forbidden('只有本部门管理员可以查看个人信息访问记录');
      return keysetPage(ctx.em, PersonalDataAccess, { where: {}, orderBy: { id: 'desc' }, page: args }, (r) => ({ ...r, id: String(r.id) }));
    }
  }
  return AccessLogResolver;
}
