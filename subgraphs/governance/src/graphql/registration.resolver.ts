import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireCaller } from '@jiefen/subgraph-kit';
import { addDisputeDocument } from '../services/dispute-document.service.js';
import { registerDispute } from '../services/dispute-registration.service.js';
import type { GovernanceContext } from './context.js';
import { AddDisputeDocumentInput } from './dispute-document.input.js';
import { DisputeDocumentType } from './dispute-handling.type.js';
import { DisputeType } from './dispute.type.js';
import { toDisputeType } from './mappers.js';
import { RegisterDisputeInput } from './register-dispute.input.js';

@Resolver()
export class RegistrationResolver {
  @Mutation(() => DisputeType, { description: '统一受理登记:校验当事人等信息,赋统一编号,记录首接责任人,执行预警规则 Register a dispute' })
  async registerDispute(@Arg('input', () => RegisterDisputeInput) input: RegisterDisputeInput, @Ctx() ctx: GovernanceContext): Promise<DisputeType> {
    const caller = requireCaller(ctx);
    return toDisputeType(await registerDispute(ctx.em, caller, input, ctx.personKeyOf, ctx.settings));
  }

  @Mutation(() => DisputeDocumentType, { description: '归档材料(档案元数据)File a document in the archive' })
  async addDisputeDocument(
    @Arg('input', () => AddDisputeDocumentInput) input: AddDisputeDocumentInput,
    @Ctx() ctx: GovernanceContext,
  ): Promise<DisputeDocumentType> {
    const d = await addDisputeDocument(ctx.em, requireCaller(ctx), input);
    return {
      id: d.id,
      kind: d.kind,
      title: d.title,
      fileName: d.fileName ?? null,
      mediaType: d.mediaType ?? null,
      sizeBytes: d.sizeBytes ?? null,
      sha256: d.sha256 ?? null,
      storageUri: d.storageUri ?? null,
      recordedAt: d.recordedAt,
      recordedByName: d.recordedByName,
    };
  }
}
