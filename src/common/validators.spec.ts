import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import {
  IsAreaCode,
  IsCode,
  IsDependentCode,
  IsFreeText,
  IsLocalDate,
  IsOneOf,
  IsPersonName,
  IsTimestamp,
  IsUsername,
  IsUuid,
  IsVersion,
  IsYear,
  spokenList,
} from './validators';

/** The messages one field gets for `value`, nothing when it passes. */
function messagesFor(dto: new () => object, value: unknown): string[] {
  const errors = validateSync(plainToInstance(dto, value === undefined ? {} : { field: value }));
  return errors.flatMap((error) => Object.values(error.constraints ?? {}));
}
const accepts = (dto: new () => object, value: unknown) => messagesFor(dto, value).length === 0;

class AreaCode {
  @IsAreaCode() field!: string;
}
class CommuneCode {
  @IsAreaCode({ message: 'field must be a commune code' }) field!: string;
}
class LocalDate {
  @IsLocalDate() field!: string;
}
class KeptDate {
  @IsLocalDate({ years: [1900, 2200] }) field!: string;
}
class Year {
  @IsYear() field!: number;
}
class Timestamp {
  @IsTimestamp() field!: string;
}
class Uuid {
  @IsUuid() field!: string;
}
class Version {
  @IsVersion() field!: number;
}
class Sex {
  @IsCode(['male', 'female']) field!: string;
}
class Period {
  @IsCode(['year', 'H1', 'H2', 'Q1', 'Q2'], { listedAs: ['year', 'H1', 'H2', 'Q1–Q2'] }) field!: string;
}
class Risk {
  @IsOneOf(['high', 'medium', 'low']) field!: string;
}
class Form {
  @IsDependentCode() field!: string;
}
class Notes {
  @IsOptional() @IsFreeText() field?: string;
}
class Reason {
  @IsFreeText(5000, { nonEmpty: true }) field!: string;
}
class Goals {
  @IsFreeText(20, { nonEmpty: true, each: true }) field!: string[];
}
class FullName {
  @IsPersonName() field!: string;
}
class Username {
  @IsUsername(3) field!: string;
}

describe('an area code', () => {
  it('is 1–32 letters, digits or dashes', () => {
    for (const code of ['VN', '46', '19753', 'HN-01', 'A'.repeat(32)]) expect(accepts(AreaCode, code)).toBe(true);
    for (const code of ['', 'A'.repeat(33), '46.001', '46 001', 'Hà', 46, undefined])
      expect(accepts(AreaCode, code)).toBe(false);
  });

  it('says "must be an area code", or the wording its field gives', () => {
    expect(messagesFor(AreaCode, '46.001')).toEqual(['field must be an area code']);
    expect(messagesFor(CommuneCode, '46.001')).toEqual(['field must be a commune code']);
  });

  it('also names the length when a value is far too long', () => {
    expect(messagesFor(AreaCode, 'A'.repeat(1000))).toEqual([
      'field must be at most 32 characters',
      'field must be an area code',
    ]);
  });
});

describe('a local date', () => {
  it('is written YYYY-MM-DD', () => {
    expect(accepts(LocalDate, '2025-07-01')).toBe(true);
    for (const date of ['2025-7-1', '01/07/2025', '20250701', 20250701, undefined]) {
      expect(messagesFor(LocalDate, date)).toEqual(['field must be a date YYYY-MM-DD']);
    }
    expect(messagesFor(LocalDate, '2025-07-01T00:00:00Z')).toContain('field must be a date YYYY-MM-DD');
  });

  it('must exist on the calendar: 2025-02-30 is refused, 29 February only in a leap year', () => {
    expect(accepts(LocalDate, '2025-02-30')).toBe(false);
    expect(accepts(LocalDate, '2025-02-29')).toBe(false);
    expect(accepts(LocalDate, '2024-02-29')).toBe(true);
    expect(accepts(LocalDate, '2025-13-01')).toBe(false);
  });

  it('may be held to the years a calendar keeps', () => {
    expect(accepts(KeptDate, '1900-01-01')).toBe(true);
    expect(accepts(KeptDate, '2200-12-31')).toBe(true);
    expect(accepts(KeptDate, '1899-12-31')).toBe(false);
    expect(accepts(KeptDate, '2201-01-01')).toBe(false);
  });
});

describe('a year', () => {
  it('is a whole number from 1900 to 2200', () => {
    for (const year of [1900, 2025, 2200]) expect(accepts(Year, year)).toBe(true);
    expect(messagesFor(Year, 1899)).toEqual(['field must be from 1900 to 2200']);
    expect(messagesFor(Year, 2201)).toEqual(['field must be from 1900 to 2200']);
  });

  it('that is not a whole number gets one message, not one per bound as well', () => {
    for (const year of [2025.5, '2025', NaN, null, undefined])
      expect(messagesFor(Year, year)).toEqual(['field must be a whole number']);
  });
});

describe('a timestamp', () => {
  it('is an ISO 8601 instant of at most 40 characters', () => {
    expect(accepts(Timestamp, '2025-06-02T08:30:00+07:00')).toBe(true);
    expect(accepts(Timestamp, '2025-06-02T01:30:00.123456Z')).toBe(true);
    expect(accepts(Timestamp, '2025-02-30T08:30:00Z')).toBe(false);
    expect(accepts(Timestamp, 'yesterday')).toBe(false);
    expect(messagesFor(Timestamp, `2025-06-02T08:30:00.${'1'.repeat(40)}Z`)).toContain(
      'field must be at most 40 characters',
    );
  });
});

describe('a UUID', () => {
  it('is a UUID, and a long text is refused for its length too', () => {
    expect(accepts(Uuid, '123e4567-e89b-12d3-a456-426614174000')).toBe(true);
    expect(accepts(Uuid, 'not-a-uuid')).toBe(false);
    expect(messagesFor(Uuid, 'x'.repeat(100))).toContain('field must be at most 36 characters');
  });
});

describe('a version', () => {
  it('is a whole number from 1: the version the caller last read', () => {
    expect(accepts(Version, 1)).toBe(true);
    expect(accepts(Version, 42)).toBe(true);
    for (const version of [0, -1, 1.5, '1', undefined]) expect(accepts(Version, version)).toBe(false);
  });
});

describe('a code of a list', () => {
  it('is one of the list, and the message lists them', () => {
    expect(accepts(Sex, 'female')).toBe(true);
    expect(messagesFor(Sex, 'other')).toEqual(['field must be one of male, female']);
    expect(messagesFor(Sex, undefined)).toEqual(['field must be one of male, female']);
  });

  it('may list a long list shortened', () => {
    expect(accepts(Period, 'Q2')).toBe(true);
    expect(messagesFor(Period, 'Q5')).toEqual(['field must be one of year, H1, H2, Q1–Q2']);
  });

  it('of a few choices is said as a sentence: "high, medium or low"', () => {
    expect(accepts(Risk, 'low')).toBe(true);
    expect(messagesFor(Risk, 'urgent')).toEqual(['field must be high, medium or low']);
    expect(spokenList(['true', 'false'])).toBe('true or false');
  });

  it('whose list depends on another field is a string of at most 64 characters, checked by the service', () => {
    expect(accepts(Form, 'violence')).toBe(true);
    expect(accepts(Form, 'x'.repeat(65))).toBe(false);
    expect(accepts(Form, 7)).toBe(false);
  });
});

describe('free text', () => {
  it('is a string of at most 10,000 characters unless its field says less', () => {
    expect(accepts(Notes, 'Hàng xóm nghe tiếng trẻ khóc')).toBe(true);
    expect(accepts(Notes, '')).toBe(true);
    expect(accepts(Notes, undefined)).toBe(true);
    expect(accepts(Notes, 'x'.repeat(10_000))).toBe(true);
    expect(messagesFor(Notes, 'x'.repeat(10_001))).toEqual(['field must be shorter than or equal to 10000 characters']);
    expect(accepts(Reason, 'x'.repeat(5001))).toBe(false);
  });

  it('may have to say something: an empty reason is refused', () => {
    expect(accepts(Reason, '')).toBe(false);
    expect(accepts(Reason, 'moved to Đà Nẵng')).toBe(true);
  });

  it('holds for each item of a list', () => {
    expect(accepts(Goals, ['safe at school', 'back with family'])).toBe(true);
    expect(accepts(Goals, ['safe at school', ''])).toBe(false);
    expect(accepts(Goals, ['x'.repeat(21)])).toBe(false);
  });
});

describe('a person’s name', () => {
  it('is 1–200 characters as given, diacritics and all', () => {
    expect(accepts(FullName, 'Nguyễn Văn An')).toBe(true);
    expect(accepts(FullName, 'x'.repeat(200))).toBe(true);
    for (const name of ['', 'x'.repeat(201), 12, undefined]) expect(accepts(FullName, name)).toBe(false);
  });
});

describe('a username', () => {
  it('is letters, digits, dots, dashes or underscores, from the shortest allowed to 64', () => {
    expect(accepts(Username, 'officer.hue')).toBe(true);
    expect(accepts(Username, 'a_b-c')).toBe(true);
    expect(messagesFor(Username, 'ab')).toEqual(['field must be 3–64 letters, digits, dots, dashes or underscores']);
    expect(accepts(Username, 'cán.bộ')).toBe(false);
    expect(accepts(Username, 'x'.repeat(65))).toBe(false);
  });
});
