import { z } from 'zod';
import { procedure, publicProcedure, router } from '../../trpc';
import { applicationDocumentKind, applicationDocuments, createApplicationUpload } from './documents';
import { applicationRef, draftsInput, refInput, saveStepInput, startInput, verifyCodeInput } from './schemas';
import * as onboarding from './service';
import { saveStep } from './steps';
import { submit } from './submit';
import { sendCode, verifyCode } from './verify';

/**
 * "Become a partner" (DOMAIN §4). The applicant's procedures are public and authorised by the
 * resume token in `ref`; staff and sub-brokers use the same procedures with `ref.applicationId`,
 * authorised by capability and ownership in resolve.ts.
 */
export const onboardingRouter = router({
  start: publicProcedure.input(startInput).mutation(({ ctx, input }) => onboarding.start(ctx, input)),
  get: publicProcedure.input(refInput).query(({ ctx, input }) => onboarding.getDraft(ctx, input.ref)),
  saveStep: publicProcedure.input(saveStepInput).mutation(({ ctx, input }) => saveStep(ctx, input)),
  sendEmailCode: publicProcedure.input(refInput).mutation(({ ctx, input }) => sendCode(ctx, input.ref, 'EMAIL')),
  verifyEmail: publicProcedure.input(verifyCodeInput).mutation(({ ctx, input }) => verifyCode(ctx, input, 'EMAIL')),
  sendMobileCode: publicProcedure.input(refInput).mutation(({ ctx, input }) => sendCode(ctx, input.ref, 'MOBILE')),
  verifyMobile: publicProcedure.input(verifyCodeInput).mutation(({ ctx, input }) => verifyCode(ctx, input, 'MOBILE')),
  submit: publicProcedure.input(refInput).mutation(({ ctx, input }) => submit(ctx, input.ref)),
  status: publicProcedure.input(refInput).query(({ ctx, input }) => onboarding.status(ctx, input.ref)),
  createUpload: publicProcedure
    .input(z.object({ ref: applicationRef, kind: applicationDocumentKind }))
    .mutation(({ ctx, input }) => createApplicationUpload(ctx, input.ref, input.kind)),
  documents: publicProcedure.input(refInput).query(({ ctx, input }) => applicationDocuments(ctx, input.ref)),

  createDraft: procedure.input(startInput).mutation(({ ctx, input }) => onboarding.createDraft(ctx, input)),
  drafts: procedure.input(draftsInput).query(({ ctx, input }) => onboarding.listDrafts(ctx, input)),
  registerPartner: procedure.input(startInput).mutation(({ ctx, input }) => onboarding.registerPartner(ctx, input)),
  myRegistrations: procedure.input(draftsInput).query(({ ctx, input }) => onboarding.myRegistrations(ctx, input)),
});
