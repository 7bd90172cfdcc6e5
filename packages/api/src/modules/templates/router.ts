import { z } from 'zod';
import { procedure, router } from '../../trpc';
import { DEFAULT_TEMPLATES, type TemplateCode } from '../messaging/templates';
import { listTemplates, updateTemplate } from './service';

const codes = Object.keys(DEFAULT_TEMPLATES) as [TemplateCode, ...TemplateCode[]];

export const templatesRouter = router({
  list: procedure.query(({ ctx }) => listTemplates(ctx.deps)),
  update: procedure
    .input(
      z.object({
        code: z.enum(codes),
        channel: z.enum(['EMAIL', 'SMS']),
        subject: z.string().trim().max(200).nullable(),
        body: z.string().trim().min(1, 'The message cannot be empty').max(5_000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await updateTemplate(ctx.deps, ctx.meta, ctx.actor, input);
      return { ok: true as const };
    }),
});
