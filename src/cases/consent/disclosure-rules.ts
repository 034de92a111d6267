import { Perpetrator } from '../../domain/codes';

/** Age from which the child's own consent is needed (Law on Children Art. 6.11; Law 91/2025 Art. 24). */
export const CHILD_CONSENT_AGE = 7;

const GUARDIAN_PERPETRATORS: readonly Perpetrator[] = ['parent', 'caregiver'];

/** Never ask the consent of a guardian who is the alleged abuser (docs/domain.md, Consent and disclosure). */
export function guardianMayConsent(allegedPerpetrator: string | null): boolean {
  return !(GUARDIAN_PERPETRATORS as readonly string[]).includes(allegedPerpetrator ?? '');
}

export interface ConsentState {
  childAge: number;
  /** The latest decision of each party, if any. */
  child?: boolean;
  guardian?: boolean;
}

/**
 * Why a disclosure may not be made, or null when it may:
 * - outside the state: the guardian's consent, and the child's too from age 7;
 * - to a state authority: no consent, but a legal basis.
 */
export function disclosureRefusal(
  recipientType: 'state_authority' | 'non_state',
  consents: ConsentState,
  legalBasis?: string,
): string | null {
  if (recipientType === 'state_authority') {
    return legalBasis ? null : 'A disclosure to a state authority needs its legal basis';
  }
  if (consents.guardian !== true) return 'A disclosure outside the state needs the guardian’s consent';
  if (consents.childAge >= CHILD_CONSENT_AGE && consents.child !== true) {
    return `A disclosure outside the state needs the consent of the child, who is ${CHILD_CONSENT_AGE} or older`;
  }
  return null;
}
