import { procedure, router } from '../../trpc';
import * as review from './review';
import {
  byIdInput,
  certificationQueueInput,
  createCertificationInput,
  decideWithNotesInput,
  listCertificationsInput,
  setVisibleInput,
  updateCertificationInput,
  verifyCertificationInput,
} from './schemas';
import * as service from './service';

export const certificationsRouter = router({
  list: procedure
    .input(listCertificationsInput)
    .query(({ ctx, input }) => service.listCertifications(ctx.deps, ctx.actor, input)),
  get: procedure.input(byIdInput).query(({ ctx, input }) => service.getCertification(ctx.deps, ctx.actor, input.id)),
  create: procedure.input(createCertificationInput).mutation(({ ctx, input }) => service.createCertification(ctx, input)),
  update: procedure.input(updateCertificationInput).mutation(({ ctx, input }) => service.updateCertification(ctx, input)),
  setVisibleInTrade: procedure.input(setVisibleInput).mutation(({ ctx, input }) => service.setVisibleInTrade(ctx, input)),
  queue: procedure.input(certificationQueueInput).query(({ ctx, input }) => review.certificationQueue(ctx, input)),
  verify: procedure.input(verifyCertificationInput).mutation(({ ctx, input }) => review.verifyCertification(ctx, input)),
  reject: procedure.input(decideWithNotesInput).mutation(({ ctx, input }) => review.rejectCertification(ctx, input)),
  suspend: procedure.input(decideWithNotesInput).mutation(({ ctx, input }) => review.suspendCertification(ctx, input)),
});
