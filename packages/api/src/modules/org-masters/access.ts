import type { AccessRule } from '../../authorization';

const READ: AccessRule = { access: 'master:read', tenant: 'none' };
const WRITE: AccessRule = { access: 'master:write', audience: 'BACK_OFFICE', tenant: 'none' };

const READS = ['locations', 'organizations', 'financialYears', 'gstRates', 'commissionStructures'];
const WRITES = [
  'createState',
  'updateState',
  'setStateActive',
  'deleteState',
  'createRegion',
  'updateRegion',
  'setRegionActive',
  'deleteRegion',
  'createStation',
  'updateStation',
  'setStationActive',
  'deleteStation',
  'createOrganization',
  'updateOrganization',
  'setOrganizationActive',
  'createFinancialYear',
  'setCurrentFinancialYear',
  'closeFinancialYear',
  'createGstRate',
  'updateGstRate',
  'setGstRateActive',
  'createCommissionStructure',
  'updateCommissionStructure',
  'setCommissionStructureActive',
];

/** Who may call each procedure of this module (see authorization.ts): reference data, staff edit it. */
export const ORG_MASTERS_ACCESS: Record<string, AccessRule> = Object.fromEntries([
  ...READS.map((name) => [`orgMasters.${name}`, READ] as const),
  ...WRITES.map((name) => [`orgMasters.${name}`, WRITE] as const),
]);
