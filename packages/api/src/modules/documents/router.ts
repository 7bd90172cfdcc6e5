import { procedure, router } from '../../trpc';
import {
  createUploadInput,
  documentQueueInput,
  downloadLinkInput,
  listDocumentsInput,
  rejectDocumentInput,
  verifyDocumentInput,
} from './schemas';
import * as service from './service';
import { createUpload } from './upload';

export const documentsRouter = router({
  /** Access check + a one-time URL to stream the file to (POST /uploads/<token>). */
  createUpload: procedure.input(createUploadInput).mutation(({ ctx, input }) => createUpload(ctx, input)),
  list: procedure.input(listDocumentsInput).query(({ ctx, input }) => service.listDocuments(ctx.deps, ctx.actor, input)),
  /** A signed link (GET /files/<versionId>?expires&sig) valid document.linkMinutes. */
  downloadLink: procedure.input(downloadLinkInput).mutation(({ ctx, input }) => service.downloadLink(ctx.deps, ctx.actor, input)),
  verify: procedure.input(verifyDocumentInput).mutation(({ ctx, input }) => service.verifyDocument(ctx, input)),
  reject: procedure.input(rejectDocumentInput).mutation(({ ctx, input }) => service.rejectDocument(ctx, input)),
  queue: procedure.input(documentQueueInput).query(({ ctx, input }) => service.documentQueue(ctx.deps, input)),
});
