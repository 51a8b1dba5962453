import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Caller } from '@jiefen/auth';
import { check, DomainError, requireUuid } from '@jiefen/subgraph-kit';
import { DisputeDocument } from '../entities/dispute-document.entity.js';
import { Dispute } from '../entities/dispute.entity.js';
import type { AddDisputeDocumentInput, DocumentInput } from '../domain/commands.js';
import { requireHubStaff } from './hub-rules.js';

export const DOCUMENT_KINDS = ['CLAIM', 'EVIDENCE', 'RECORD', 'AGREEMENT', 'CLOSING_OPINION', 'SIGNATURE', 'PHOTO', 'OTHER'] as const;

export type ValidDocument = Omit<DisputeDocument, 'id' | 'disputeId' | 'recordedAt' | 'recordedByName'>;

export function validateDocument(d: DocumentInput, prefix: string): ValidDocument {
  const field = (name: string) => `${prefix}.${name}`;
  if (d.sizeBytes !== null && d.sizeBytes !== undefined) check.int(field('sizeBytes'), '文件大小', d.sizeBytes, { min: 0, max: 2_000_000_000 });
  if (d.sha256 && !/^[0-9a-f]{64}$/i.test(d.sha256)) throw DomainError.validation(field('sha256'), '文件摘要须为 64 位十六进制 SHA-256');
  return {
    kind: check.oneOf(field('kind'), '材料类型', d.kind, DOCUMENT_KINDS),
    title: check.text(field('title'), '材料名称', d.title, { max: 200 }),
    fileName: check.optionalText(field('fileName'), '文件名', d.fileName, 200),
    mediaType: check.optionalText(field('mediaType'), '文件类型', d.mediaType, 100),
    sizeBytes: d.sizeBytes ?? null,
    sha256: d.sha256?.toLowerCase() ?? null,
    storageUri: check.optionalText(field('storageUri'), '存储位置', d.storageUri, 500),
  };
}

export function writeDocument(tx: EntityManager, disputeId: string, d: ValidDocument, caller: Caller, at: Date): DisputeDocument {
  return tx.create(DisputeDocument, { ...d, id: randomUUID(), disputeId, recordedAt: at, recordedByName: caller.name });
}

/** Files a document's metadata in the dispute's archive (档案), in any state, closed ones included. */
export async function addDisputeDocument(em: EntityManager, caller: Caller, input: AddDisputeDocumentInput): Promise<DisputeDocument> {
  requireHubStaff(caller);
  const document = validateDocument(input.document, 'document');
  const dispute = await em.findOne(Dispute, { id: requireUuid('disputeId', input.disputeId) });
  if (!dispute) throw DomainError.notFound('纠纷', input.disputeId);
  requireHubStaff(caller, dispute.regionCode);
  const row = writeDocument(em, dispute.id, document, caller, new Date());
  await em.flush();
  return row;
}
