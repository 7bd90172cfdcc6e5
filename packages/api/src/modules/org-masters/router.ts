import { procedure, router } from '../../trpc';
import * as commissions from './commissions';
import * as years from './financial-years';
import * as gst from './gst-rates';
import * as locations from './locations';
import * as orgs from './organizations';
import * as s from './schemas';

/** Back-office editing of locations, organizations, financial years, GST rates and commission structures (DOMAIN §3). */
export const orgMastersRouter = router({
  locations: procedure
    .input(s.locationsInput)
    .query(({ ctx, input }) => locations.adminLocationTree(ctx.deps.db, input.includeInactive)),
  createState: procedure.input(s.createStateInput).mutation(({ ctx, input }) => locations.createState(ctx, input)),
  updateState: procedure.input(s.updateStateInput).mutation(({ ctx, input }) => locations.updateState(ctx, input)),
  setStateActive: procedure.input(s.setActiveInput).mutation(({ ctx, input }) => locations.setStateActive(ctx, input)),
  deleteState: procedure.input(s.byIdInput).mutation(({ ctx, input }) => locations.deleteState(ctx, input.id)),
  createRegion: procedure.input(s.createRegionInput).mutation(({ ctx, input }) => locations.createRegion(ctx, input)),
  updateRegion: procedure.input(s.updateRegionInput).mutation(({ ctx, input }) => locations.updateRegion(ctx, input)),
  setRegionActive: procedure.input(s.setActiveInput).mutation(({ ctx, input }) => locations.setRegionActive(ctx, input)),
  deleteRegion: procedure.input(s.byIdInput).mutation(({ ctx, input }) => locations.deleteRegion(ctx, input.id)),
  createStation: procedure.input(s.createStationInput).mutation(({ ctx, input }) => locations.createStation(ctx, input)),
  updateStation: procedure.input(s.updateStationInput).mutation(({ ctx, input }) => locations.updateStation(ctx, input)),
  setStationActive: procedure.input(s.setActiveInput).mutation(({ ctx, input }) => locations.setStationActive(ctx, input)),
  deleteStation: procedure.input(s.byIdInput).mutation(({ ctx, input }) => locations.deleteStation(ctx, input.id)),

  organizations: procedure.input(s.listOrganizationsInput).query(({ ctx, input }) => orgs.listOrganizations(ctx.deps.db, input)),
  createOrganization: procedure
    .input(s.createOrganizationInput)
    .mutation(({ ctx, input }) => orgs.createOrganization(ctx, input)),
  updateOrganization: procedure
    .input(s.updateOrganizationInput)
    .mutation(({ ctx, input }) => orgs.updateOrganization(ctx, input)),
  setOrganizationActive: procedure.input(s.setActiveInput).mutation(({ ctx, input }) => orgs.setOrganizationActive(ctx, input)),

  financialYears: procedure.query(({ ctx }) => years.listFinancialYears(ctx.deps.db)),
  createFinancialYear: procedure
    .input(s.createFinancialYearInput)
    .mutation(({ ctx, input }) => years.createFinancialYear(ctx, input)),
  setCurrentFinancialYear: procedure
    .input(s.financialYearActionInput)
    .mutation(({ ctx, input }) => years.setCurrentFinancialYear(ctx, input)),
  closeFinancialYear: procedure
    .input(s.financialYearActionInput)
    .mutation(({ ctx, input }) => years.closeFinancialYear(ctx, input)),

  gstRates: procedure
    .input(s.listGstRatesInput)
    .query(({ ctx, input }) => gst.listGstRates(ctx.deps.db, input, ctx.deps.clock())),
  createGstRate: procedure.input(s.createGstRateInput).mutation(({ ctx, input }) => gst.createGstRate(ctx, input)),
  updateGstRate: procedure.input(s.updateGstRateInput).mutation(({ ctx, input }) => gst.updateGstRate(ctx, input)),
  setGstRateActive: procedure.input(s.setActiveVersionedInput).mutation(({ ctx, input }) => gst.setGstRateActive(ctx, input)),

  commissionStructures: procedure
    .input(s.listCommissionsInput)
    .query(({ ctx, input }) => commissions.listCommissions(ctx.deps.db, input)),
  createCommissionStructure: procedure
    .input(s.createCommissionInput)
    .mutation(({ ctx, input }) => commissions.createCommission(ctx, input)),
  updateCommissionStructure: procedure
    .input(s.updateCommissionInput)
    .mutation(({ ctx, input }) => commissions.updateCommission(ctx, input)),
  setCommissionStructureActive: procedure
    .input(s.setActiveVersionedInput)
    .mutation(({ ctx, input }) => commissions.setCommissionActive(ctx, input)),
});
