/**
 * The rest of Mẫu 01 (Decree 56): where the child is now, the parents or caregivers, the family
 * situation and the actions already taken. Personal data: one encrypted JSON document per report,
 * shown like the description (child-protection roles and the report's creator, never agencies).
 */
export const SITUATION_CONTEXT = 'reports.situation';

export interface Caregiver {
  name: string | null;
  relationship: string | null;
  phone: string | null;
}

export interface ReportSituation {
  childLocation: string | null;
  caregivers: Caregiver[];
  familySituation: string | null;
  actionsTaken: string | null;
}

/** What a report says of the situation, as given: absent parts are null (no caregivers: an empty list). */
export function situationOf(given: {
  childLocation?: string;
  caregivers?: { name?: string; relationship?: string; phone?: string }[];
  familySituation?: string;
  actionsTaken?: string;
}): ReportSituation | null {
  const situation: ReportSituation = {
    childLocation: given.childLocation ?? null,
    caregivers: (given.caregivers ?? []).map((caregiver) => ({
      name: caregiver.name ?? null,
      relationship: caregiver.relationship ?? null,
      phone: caregiver.phone ?? null,
    })),
    familySituation: given.familySituation ?? null,
    actionsTaken: given.actionsTaken ?? null,
  };
  const empty =
    !situation.caregivers.length && !situation.childLocation && !situation.familySituation && !situation.actionsTaken;
  return empty ? null : situation;
}

/** The stored document read back; a report without one says nothing of the situation. */
export function parseSituation(plain: string | null): ReportSituation {
  if (!plain) return { childLocation: null, caregivers: [], familySituation: null, actionsTaken: null };
  return JSON.parse(plain) as ReportSituation;
}
