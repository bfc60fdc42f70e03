import { onboardingEn } from './onboarding-en.ts';
import { onboardingId } from './onboarding-id.ts';

/** The words of the onboarding screen (new customers: KYC, AML screening, risk, account). */
export const onboarding = { id: onboardingId, en: onboardingEn } as const;
