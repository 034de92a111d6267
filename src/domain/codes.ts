/**
 * The code lists of docs/domain.md (Children, cases and categories; Reporting channels) with their
 * Vietnamese and English labels. Codes are part of the API, which clients are built against; labels
 * are for clients to render (GET /codes?lang=vi|en).
 */
export type Labels = { vi: string; en: string };
type CodeList<T extends string> = Record<T, Labels>;

export const CHANNELS = {
  hotline_111: { vi: 'Tổng đài 111', en: 'National hotline 111' },
  provincial_hotline: { vi: 'Đường dây nóng cấp tỉnh', en: 'Provincial hotline' },
  police: { vi: 'Công an', en: 'Police' },
  health_facility: { vi: 'Cơ sở y tế', en: 'Health facility' },
  school: { vi: 'Trường học', en: 'School' },
  commune: { vi: 'UBND cấp xã', en: 'Commune People’s Committee' },
  community_collaborator: { vi: 'Cộng tác viên cộng đồng', en: 'Community collaborator' },
  walk_in: { vi: 'Trực tiếp', en: 'Walk-in' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  other: { vi: 'Khác', en: 'Other' },
} as const satisfies CodeList<string>;
export type Channel = keyof typeof CHANNELS;

export const CATEGORIES = {
  abuse: { vi: 'Xâm hại trẻ em', en: 'Abuse' },
  injury: { vi: 'Tai nạn thương tích', en: 'Injury' },
  child_labour: { vi: 'Lao động trẻ em trái quy định', en: 'Child labour' },
} as const satisfies CodeList<string>;
export type Category = keyof typeof CATEGORIES;

export const FORMS_BY_CATEGORY = {
  abuse: {
    violence: { vi: 'Bạo lực', en: 'Violence' },
    sexual_abuse: { vi: 'Xâm hại tình dục', en: 'Sexual abuse' },
    exploitation: { vi: 'Bóc lột', en: 'Exploitation' },
    trafficking: { vi: 'Mua bán', en: 'Trafficking' },
    abandonment: { vi: 'Bỏ rơi', en: 'Abandonment' },
    neglect: { vi: 'Bỏ mặc', en: 'Neglect' },
    other_abuse: { vi: 'Hình thức xâm hại khác', en: 'Other abuse' },
  },
  injury: {
    drowning: { vi: 'Đuối nước', en: 'Drowning' },
    traffic: { vi: 'Tai nạn giao thông', en: 'Traffic' },
    fall: { vi: 'Ngã', en: 'Fall' },
    burn: { vi: 'Bỏng', en: 'Burn' },
    poisoning: { vi: 'Ngộ độc', en: 'Poisoning' },
    animal_bite: { vi: 'Động vật cắn', en: 'Animal bite' },
    sharp_object: { vi: 'Vật sắc nhọn', en: 'Sharp object' },
    electrocution: { vi: 'Điện giật', en: 'Electrocution' },
    suffocation: { vi: 'Ngạt', en: 'Suffocation' },
    other_injury: { vi: 'Thương tích khác', en: 'Other injury' },
  },
  child_labour: {
    prohibited_work: { vi: 'Công việc, nơi làm việc cấm sử dụng người chưa thành niên', en: 'Prohibited work' },
    underage_work: { vi: 'Làm việc dưới độ tuổi cho phép', en: 'Work below the allowed age' },
    excessive_hours: { vi: 'Làm quá thời giờ cho phép', en: 'Excessive hours' },
    forced_labour: { vi: 'Cưỡng bức lao động', en: 'Forced labour' },
  },
} as const satisfies Record<Category, CodeList<string>>;
export type Form = { [C in Category]: keyof (typeof FORMS_BY_CATEGORY)[C] }[Category];

export const PERPETRATORS = {
  parent: { vi: 'Cha, mẹ', en: 'Parent' },
  caregiver: { vi: 'Người chăm sóc', en: 'Caregiver' },
  relative: { vi: 'Người thân', en: 'Relative' },
  teacher: { vi: 'Giáo viên', en: 'Teacher' },
  employer: { vi: 'Người sử dụng lao động', en: 'Employer' },
  acquaintance: { vi: 'Người quen', en: 'Acquaintance' },
  stranger: { vi: 'Người lạ', en: 'Stranger' },
  unknown: { vi: 'Chưa xác định', en: 'Unknown' },
} as const satisfies CodeList<string>;
export type Perpetrator = keyof typeof PERPETRATORS;

export const SEXES = {
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
  unknown: { vi: 'Chưa xác định', en: 'Unknown' },
} as const satisfies CodeList<string>;
export type Sex = keyof typeof SEXES;

export const codesOf = <T extends object>(list: T) => Object.keys(list) as (keyof T & string)[];
export const ALL_FORMS = Object.values(FORMS_BY_CATEGORY).flatMap((forms) => Object.keys(forms)) as Form[];

export function formBelongsTo(category: Category, form: string): boolean {
  return Object.hasOwn(FORMS_BY_CATEGORY[category], form);
}
