import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '@jiefen/auth';
import { personalField } from '@jiefen/subgraph-kit';
import type { GovernanceContext } from './context.js';
import { PartyType } from './party.type.js';
import { PersonType } from './person.type.js';

const read = (party: PartyType) => ({ recordType: 'DisputeParty', recordId: party.id, visibility: party.visibility, minor: party.minor });
const maskDate = (date: string) => `${date.slice(0, 4)}-**-**`;

/** Personal data of parties: in full for the hub (and logged), masked for everyone else (张*三, 3212**********123X, 138****5678). */
@Resolver(() => PartyType)
export class PartyResolver {
  @FieldResolver(() => String, { description: '姓名' })
  name(@Root() party: PartyType, @Ctx() ctx: GovernanceContext): string {
    return personalField(ctx, read(party), 'name', party.entity.name, maskName) ?? '';
  }

  @FieldResolver(() => String, { nullable: true, description: '公民身份号码' })
  idNumber(@Root() party: PartyType, @Ctx() ctx: GovernanceContext): string | null {
    return personalField(ctx, read(party), 'idNumber', party.entity.idNumber, maskIdNumber);
  }

  @FieldResolver(() => String, { nullable: true, description: '联系电话' })
  phone(@Root() party: PartyType, @Ctx() ctx: GovernanceContext): string | null {
    return personalField(ctx, read(party), 'phone', party.entity.phone, maskPhone);
  }

  @FieldResolver(() => String, { nullable: true, description: '住址' })
  address(@Root() party: PartyType, @Ctx() ctx: GovernanceContext): string | null {
    return personalField(ctx, read(party), 'address', party.entity.address, maskAddress);
  }

  @FieldResolver(() => String, { nullable: true, description: '出生日期' })
  birthDate(@Root() party: PartyType, @Ctx() ctx: GovernanceContext): string | null {
    return personalField(ctx, read(party), 'birthDate', party.entity.birthDate, maskDate);
  }

  @FieldResolver(() => PersonType, { nullable: true, description: '人员(跨部门关联)' })
  person(@Root() party: PartyType): PersonType | null {
    return party.personKey ? { key: party.personKey } : null;
  }
}
