import { procedure, router } from '../../trpc';
import * as changeRequests from './change-requests';
import {
  asOfInput,
  changeRequestIdInput,
  diffInput,
  listChangeRequestsInput,
  listPartnersInput,
  mineChangeRequestsInput,
  partnerIdInput,
  proposeChangeInput,
  setStatusInput,
  versionInput,
} from './schemas';
import * as partners from './service';
import * as versions from './version-views';

/** Back office: the partner register (DOMAIN §4). */
export const partnersRouter = router({
  list: procedure.input(listPartnersInput).query(({ ctx, input }) => partners.listPartners(ctx.deps.db, input)),
  get: procedure.input(partnerIdInput).query(({ ctx, input }) => partners.getPartner(ctx.deps.db, ctx.actor, input.id)),
  setStatus: procedure.input(setStatusInput).mutation(({ ctx, input }) => partners.setPartnerStatus(ctx, input)),
  versions: procedure.input(partnerIdInput).query(({ ctx, input }) => versions.listFor(ctx.deps.db, input.id)),
  version: procedure.input(versionInput).query(({ ctx, input }) => versions.oneFor(ctx.deps.db, ctx.actor, input)),
  diff: procedure.input(diffInput).query(({ ctx, input }) => versions.diffFor(ctx.deps.db, ctx.actor, input)),
  asOf: procedure.input(asOfInput).query(({ ctx, input }) => versions.asOfFor(ctx.deps.db, ctx.actor, input)),
});

/** Partner self-service: the caller's own company. */
export const companyRouter = router({
  get: procedure.query(({ ctx }) => versions.ownCompany(ctx.deps.db, ctx.actor)),
  proposeChange: procedure.input(proposeChangeInput).mutation(({ ctx, input }) => changeRequests.proposeChange(ctx, input)),
});

export const changeRequestsRouter = router({
  mine: procedure
    .input(mineChangeRequestsInput)
    .query(({ ctx, input }) => changeRequests.listMine(ctx.deps.db, ctx.actor, input)),
  cancel: procedure.input(changeRequestIdInput).mutation(({ ctx, input }) => changeRequests.cancelChangeRequest(ctx, input.id)),
  list: procedure.input(listChangeRequestsInput).query(({ ctx, input }) => changeRequests.listAll(ctx.deps.db, input)),
  get: procedure
    .input(changeRequestIdInput)
    .query(({ ctx, input }) => changeRequests.getChangeRequest(ctx.deps.db, ctx.actor, input.id)),
});
