import { Field, ID, InputType, Int } from 'type-graphql';
import type * as Command from '../domain/commands.js';
import { DocumentKind } from './enums.js';

@InputType('DisputeDocumentInput', { description: '档案材料元数据(文件本身存于文档库)' })
export class DocumentInput implements Command.DocumentInput {
  @Field(() => DocumentKind, { description: '材料类型' })
  kind!: string;

  @Field(() => String, { description: '材料名称' })
  title!: string;

  @Field(() => String, { nullable: true, description: '文件名' })
  fileName?: string | null;

  @Field(() => String, { nullable: true, description: '文件类型(MIME)' })
  mediaType?: string | null;

  @Field(() => Int, { nullable: true, description: '文件大小(字节)' })
  sizeBytes?: number | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 摘要(64 位十六进制)' })
  sha256?: string | null;

  @Field(() => String, { nullable: true, description: '存储位置' })
  storageUri?: string | null;
}

@InputType('AddDisputeDocumentInput', { description: '归档一份材料' })
export class AddDisputeDocumentInput implements Command.AddDisputeDocumentInput {
  @Field(() => ID)
  disputeId!: string;

  @Field(() => DocumentInput)
  document!: DocumentInput;
}
