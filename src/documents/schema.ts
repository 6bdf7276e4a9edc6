import type { Generated, Selectable } from 'kysely';
import type { CreatedAt } from '../platform/db/schema.ts';
import type { ApplicationAnswer, DispatchMethod, DocumentKind } from './domain.ts';

/** The documents of a child's case (migration 0009): when and how each was sent, and to whom. */

export interface DocumentDispatchTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  document_kind: DocumentKind;
  /** person:<id> (the child or a guardian) or report:<id> (the reporter of that report). */
  recipient: string;
  /** The recipient's name as it was when the document was sent. */
  recipient_name: string;
  method: DispatchMethod;
  sent_on: string;
  note: string | null;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: CreatedAt;
}

export type DocumentDispatch = Selectable<DocumentDispatchTable>;
export type CaseDocumentDetails = Selectable<CaseDocumentDetailsTable>;

/**
 * What the documents need that the case does not hold: the proposed decision, and whether the
 * decision answered an application (decides what the decision letter says on appeal).
 */
export interface CaseDocumentDetailsTable {
  municipality_id: string;
  case_id: string;
  proposal: string;
  application: ApplicationAnswer;
  applied_for: string;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    document_dispatch: DocumentDispatchTable;
    case_document_details: CaseDocumentDetailsTable;
  }
}
