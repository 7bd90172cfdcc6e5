import { procedure, router } from '../../trpc';
import { kycDueList } from './due';
import * as review from './review';
import {
  historyInput,
  kycDueInput,
  partnerIdInput,
  rejectKycInput,
  submissionsInput,
  submitRenewalInput,
  verifyKycInput,
} from './schemas';
import * as service from './service';

export const kycRouter = router({
  /** The caller's own partner. */
  status: procedure.query(({ ctx }) => service.myKycStatus(ctx.deps, ctx.actor)),
  history: procedure.input(historyInput).query(({ ctx, input }) => service.kycHistory(ctx.deps, ctx.actor, input)),
  submitRenewal: procedure.input(submitRenewalInput).mutation(({ ctx, input }) => service.submitRenewal(ctx, input)),
  due: procedure.input(kycDueInput).query(({ ctx, input }) => kycDueList(ctx.deps, input)),
  submissions: procedure.input(submissionsInput).query(({ ctx, input }) => review.kycSubmissions(ctx.deps, input)),
  sendReminder: procedure.input(partnerIdInput).mutation(({ ctx, input }) => service.sendKycReminder(ctx, input.partnerId)),
  verify: procedure.input(verifyKycInput).mutation(({ ctx, input }) => review.verifyKyc(ctx, input)),
  reject: procedure.input(rejectKycInput).mutation(({ ctx, input }) => review.rejectKyc(ctx, input)),
});
