import { ALL_FORMS, CATEGORIES, codesOf, formBelongsTo, FORMS_BY_CATEGORY } from './codes';

describe('code lists', () => {
  it('has the three categories of the mission', () => {
    expect(codesOf(CATEGORIES)).toEqual(['abuse', 'injury', 'child_labour']);
  });

  it('ties each form to one category only', () => {
    expect(formBelongsTo('abuse', 'sexual_abuse')).toBe(true);
    expect(formBelongsTo('injury', 'sexual_abuse')).toBe(false);
    expect(formBelongsTo('child_labour', 'drowning')).toBe(false);
    expect(new Set(ALL_FORMS).size).toBe(ALL_FORMS.length);
  });

  it('labels every form in Vietnamese and English', () => {
    for (const forms of Object.values(FORMS_BY_CATEGORY)) {
      for (const labels of Object.values(forms)) expect(labels.vi && labels.en).toBeTruthy();
    }
  });

  it('does not treat inherited object keys as forms', () => {
    expect(formBelongsTo('abuse', 'constructor')).toBe(false);
  });
});
