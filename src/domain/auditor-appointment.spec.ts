import { mayAppointAuditor } from './auditor-appointment';

describe('who may appoint the auditor of an area', () => {
  it('is an admin of an area above it', () => {
    expect(mayAppointAuditor('VN.46', 'VN.46.46001')).toBe(true);
    expect(mayAppointAuditor('VN', 'VN.46')).toBe(true);
    expect(mayAppointAuditor('VN', 'VN.46.46001')).toBe(true);
  });

  it('is never the admin of the area itself, nor of an area beside or below it', () => {
    expect(mayAppointAuditor('VN.46.46001', 'VN.46.46001')).toBe(false);
    expect(mayAppointAuditor('VN.46', 'VN.46')).toBe(false);
    expect(mayAppointAuditor('VN.48', 'VN.46.46001')).toBe(false);
    expect(mayAppointAuditor('VN.46.46001', 'VN.46')).toBe(false);
    expect(mayAppointAuditor('VN.4', 'VN.46')).toBe(false);
  });

  it('is the country’s admin for the country’s auditor, since no area lies above the country', () => {
    expect(mayAppointAuditor('VN', 'VN')).toBe(true);
  });
});
