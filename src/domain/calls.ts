/** Contract v1.1 "Calls": what a call to the 111 or a provincial hotline was, and where it came in. */
export const CALL_TYPES = [
  'report',
  'counselling',
  'information',
  'referral_to_service',
  'silent',
  'abusive',
  'other',
] as const;
export type CallType = (typeof CALL_TYPES)[number];

export const CALL_CHANNELS = ['hotline_111', 'provincial_hotline'] as const;
export type CallChannel = (typeof CALL_CHANNELS)[number];

/** The breakdowns of call statistics. */
export const CALL_GROUP_BY = ['type', 'channel', 'area'] as const;
export type CallGroupBy = (typeof CALL_GROUP_BY)[number];
