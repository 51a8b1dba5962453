import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireCaller } from '@jiefen/subgraph-kit';
import { registerDispute } from '../services/dispute-registration.service.js';
import type { GovernanceContext } from './context.js';
import { DisputeType } from './dispute.type.js';
import { toDisputeType } from './mappers.js';
import { RegisterDisputeInput } from './register-dispute.input.js';

@Resolver()
export class RegistrationResolver {
  @Mutation(() => DisputeType, { description: '统一受理登记:校验当事人等信息,赋统一编号,记录首接责任人 Register a dispute' })
  async registerDispute(@Arg('input', () => RegisterDisputeInput) input: RegisterDisputeInput, @Ctx() ctx: GovernanceContext): Promise<DisputeType> {
    const caller = requireCaller(ctx);
    return toDisputeType(await registerDispute(ctx.em, caller, input, ctx.personKeyOf));
  }
}
