import { needsEmergencyResponse } from '../cases/deadlines';

/**
 * Who hears of a new report at once (docs/domain.md, Reporting channels; Decree 56: the commune is
 * told immediately): whoever runs the case (its assignee, else the commune officers), and the
 * commune chairs too for sexual abuse, trafficking and emergencies.
 */
export const CHAIRS_TOLD_OF_REPORT_FORMS: readonly string[] = ['sexual_abuse', 'trafficking'];

/**
 * Whether the report itself calls the commune chairs: by its form, or as an emergency by its
 * alleged abuser (a parent or caregiver). A case it joins that was assessed an emergency calls them
 * too; the outbox reads that from the case.
 */
export function reportTellsChairs(report: { form: string; allegedPerpetrator?: string | null }): boolean {
  return (
    CHAIRS_TOLD_OF_REPORT_FORMS.includes(report.form) ||
    needsEmergencyResponse({ allegedPerpetrator: report.allegedPerpetrator ?? null, emergency: false })
  );
}
