/**
 * The wizard validates with the very schemas the API uses (one message for both). They are pure
 * zod + validators, so the SPA imports them from the api package's source; nothing server-side
 * comes along.
 */
export {
  BUSINESS_TYPES,
  ONBOARDING_STEPS,
  REGISTRATION_TYPES,
  STEP_SCHEMAS,
  startInput,
} from '../../../../../packages/api/src/modules/onboarding/schemas';
export { GST_STATE_CODES } from '../../../../../packages/api/src/modules/partners/rules/gst-state-codes';
