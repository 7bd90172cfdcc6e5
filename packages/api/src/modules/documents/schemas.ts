import { z } from 'zod';
import { pageInput } from '../../shared/pagination';
import { OWNER_TYPES } from './ownership';

/** DOMAIN §4 document kinds (plus the certificate scan and a lot's lab report). */
export const DOCUMENT_KINDS = [
  'PAN_CARD',
  'GST_CERTIFICATE',
  'CANCELLED_CHEQUE',
  'AADHAAR',
  'INCORPORATION_CERTIFICATE',
  'ADDRESS_PROOF',
  'TRANSPORTER_DECLARATION',
  'CERTIFICATE',
  'LAB_REPORT',
  'OTHER',
] as const;

const ownerType = z.enum(OWNER_TYPES);
const uuid = z.string().uuid();

export const createUploadInput = z.object({ ownerType, ownerId: uuid, kind: z.enum(DOCUMENT_KINDS) });
export const listDocumentsInput = z.object({ ownerType, ownerId: uuid });
export const downloadLinkInput = z.object({ documentId: uuid, version: z.number().int().min(1).max(100_000).optional() });
export const verifyDocumentInput = z.object({
  documentId: uuid,
  version: z.number().int().min(1),
  notes: z.string().trim().max(1000).optional(),
});
export const rejectDocumentInput = z.object({
  documentId: uuid,
  version: z.number().int().min(1),
  notes: z.string().trim().min(3, 'Say why the document is rejected').max(1000),
});
export const documentQueueInput = pageInput.extend({
  status: z.enum(['PENDING', 'VERIFIED', 'REJECTED']).default('PENDING'),
  ownerType: ownerType.optional(),
});
