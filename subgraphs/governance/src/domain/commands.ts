// What the services take: plain data, independent of the GraphQL input classes that carry it over
// the wire (those implement these interfaces). A service never depends on the API layer.

/** Which dispute, and optionally the version the caller saw (optimistic locking). */
export interface DisputeRef {
  disputeId: string;
  expectedVersion?: number | null;
}

export interface DocumentInput {
  kind: string;
  title: string;
  fileName?: string | null;
  mediaType?: string | null;
  sizeBytes?: number | null;
  sha256?: string | null;
  storageUri?: string | null;
}

export interface AddDisputeDocumentInput {
  disputeId: string;
  document: DocumentInput;
}

export interface PartyInput {
  role: string;
  name: string;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
  birthDate?: string | null;
}

export interface RegisterDisputeInput {
  category: string;
  channel: string;
  summary: string;
  regionCode: string;
  peopleInvolved: number;
  parties: PartyInput[];
  claims?: string | null;
  documents?: DocumentInput[] | null;
}

export interface RouteDisputeInput extends DisputeRef {
  unitKind: string;
  /** The receiving unit named as every hand-over names it; its name may stand in for `unitName`. */
  receiver?: { creditCode: string; name?: string | null } | null;
  /** A unit without a code (or litigation) by name; with `receiver`, optional. */
  unitName?: string | null;
  /** Deprecated: `receiver.creditCode`. */
  unitCode?: string | null;
  /** For a government department or a court (AGENCY): the federation's agency that receives the hand-over. */
  agency?: string | null;
  tier: string;
  method?: string | null;
  reason: string;
}

export interface NotifyPartiesInput extends DisputeRef {
  serviceItemCodes: string[];
  form: string;
  note?: string | null;
}

export interface RecordConsentInput extends DisputeRef {
  consented: boolean;
  note?: string | null;
}

export interface RecordAttemptInput extends DisputeRef {
  mediatorName: string;
  summary: string;
}

export interface EscalateDisputeInput extends DisputeRef {
  overrideReason?: string | null;
}

export interface ChangeMethodInput extends DisputeRef {
  method: string;
  reason: string;
}

export interface OutcomeInput extends DisputeRef {
  summary: string;
}

export interface RequestReviewInput extends DisputeRef {
  note?: string | null;
}

export interface ReviewDisputeInput extends DisputeRef {
  approve: boolean;
  opinion: string;
}

export interface CloseDisputeInput extends DisputeRef {
  closingOpinion: string;
  guideToLitigation: boolean;
}

export interface RaiseRiskAlertInput {
  disputeId?: string | null;
  regionCode?: string | null;
  level: string;
  reason: string;
}

export interface HandleRiskAlertInput {
  alertId: string;
  note: string;
  expectedVersion?: number | null;
}

export interface ScreeningFindingInput {
  category: string;
  cause: string;
  occurredOn: string;
  place: string;
  unit?: string | null;
  peopleInvolved: number;
  keyPersons?: string | null;
  forecast: string;
}

export interface SubmitScreeningReportInput {
  regionCode: string;
  periodKey: string;
  findings: ScreeningFindingInput[];
}

export interface RegisterFromFindingInput {
  findingId: string;
  summary?: string | null;
  claims?: string | null;
  parties: PartyInput[];
  documents?: DocumentInput[] | null;
}

export interface ServiceItemInput {
  code: string;
  name: string;
  regionCode?: string | null;
  legalBasis: string;
  level: string;
  handlingBody: string;
  conditions: string;
  materials: string;
}

export interface SupervisionActionInput {
  itemId: string;
  note?: string | null;
  expectedVersion?: number | null;
}
