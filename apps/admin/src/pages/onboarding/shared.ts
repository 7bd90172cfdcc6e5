/**
 * Back office fills applications with the trader app's wizard (same steps, same shared schemas,
 * same field errors), rendered compactly here. Imported from the web app's source, like the schemas.
 */
export { StartForm, type StartValues } from '../../../../web/src/pages/onboarding/start-form';
export { OnboardingWizard } from '../../../../web/src/pages/onboarding/wizard';
