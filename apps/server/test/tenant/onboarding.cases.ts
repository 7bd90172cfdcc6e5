import { expectDenied, type TenantModule } from './world';

/**
 * R9 cases for the onboarding module. The victim is a draft started by back office for a new
 * partner; the attacker (partner A, a trader, not a sub-broker) tries every procedure that takes an
 * application id, and the sub-broker procedures. Sub-broker against sub-broker isolation is in
 * onboarding.int.test.ts (the world has no sub-broker).
 */
export const onboardingTenant: TenantModule = {
  name: 'onboarding',
  setup: async (world) => {
    const draft = await world.admin.onboarding.createDraft.mutate({
      applicantName: 'Victim Applicant',
      email: 'victim@tenant-onboarding.example',
      mobile: '+919811100001',
      businessType: 'SELLER',
      registrationType: 'COMPANY',
      legalName: 'Victim Ginning',
    });
    return { applicationId: draft.applicationId };
  },
  cases: [
    {
      path: 'onboarding.registerPartner',
      run: (w) =>
        expectDenied(
          w.attacker.onboarding.registerPartner.mutate({
            applicantName: 'Attacker Introduced',
            email: 'introduced@tenant-onboarding.example',
            mobile: '+919811100002',
            businessType: 'BUYER',
            registrationType: 'COMPANY',
            legalName: 'Introduced',
          }),
        ),
    },
    { path: 'onboarding.myRegistrations', run: (w) => expectDenied(w.attacker.onboarding.myRegistrations.query({})) },
    {
      path: 'onboarding.get',
      run: (w, r) => expectDenied(w.attacker.onboarding.get.query({ ref: { applicationId: r.applicationId! } })),
    },
    {
      path: 'onboarding.status',
      run: (w, r) => expectDenied(w.attacker.onboarding.status.query({ ref: { applicationId: r.applicationId! } })),
    },
    {
      path: 'onboarding.saveStep',
      run: (w, r) =>
        expectDenied(
          w.attacker.onboarding.saveStep.mutate({
            ref: { applicationId: r.applicationId! },
            step: 'consents',
            data: { terms: true, privacy: true, marketing: false },
          }),
        ),
    },
    {
      path: 'onboarding.sendEmailCode',
      run: (w, r) => expectDenied(w.attacker.onboarding.sendEmailCode.mutate({ ref: { applicationId: r.applicationId! } })),
    },
    {
      path: 'onboarding.verifyEmail',
      run: (w, r) =>
        expectDenied(w.attacker.onboarding.verifyEmail.mutate({ ref: { applicationId: r.applicationId! }, code: '123456' })),
    },
    {
      path: 'onboarding.sendMobileCode',
      run: (w, r) => expectDenied(w.attacker.onboarding.sendMobileCode.mutate({ ref: { applicationId: r.applicationId! } })),
    },
    {
      path: 'onboarding.verifyMobile',
      run: (w, r) =>
        expectDenied(w.attacker.onboarding.verifyMobile.mutate({ ref: { applicationId: r.applicationId! }, code: '123456' })),
    },
    {
      path: 'onboarding.submit',
      run: (w, r) => expectDenied(w.attacker.onboarding.submit.mutate({ ref: { applicationId: r.applicationId! } })),
    },
  ],
};
