import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { isLocalDate } from '../../../domain/working-days';
import { LengthAtMost, MAX_DATE } from '../../../common/text-limits';

export const MIN_HOLIDAY_YEAR = 1900;
export const MAX_HOLIDAY_YEAR = 2200;

const isKeptYear = (year: number) => year >= MIN_HOLIDAY_YEAR && year <= MAX_HOLIDAY_YEAR;

/** A real calendar date `YYYY-MM-DD` within the years the calendar keeps. */
const IsHolidayDate = () =>
  ValidateBy({
    name: 'isHolidayDate',
    validator: {
      validate: (value: unknown) => isLocalDate(value) && isKeptYear(Number(value.slice(0, 4))),
      defaultMessage: () => `date must be a real calendar date YYYY-MM-DD between ${MIN_HOLIDAY_YEAR} and ${MAX_HOLIDAY_YEAR}`,
    },
  });

/** One public holiday (a weekday off), as PUT takes it and GET returns it. */
export class HolidayDto {
  @ApiProperty({ example: '2026-02-17', format: 'date', description: 'Local date in Vietnam, YYYY-MM-DD' })
  @IsHolidayDate()
  @LengthAtMost(MAX_DATE)
  date!: string;

  @ApiProperty({ example: 'Tết Nguyên đán (mùng 1)', minLength: 1, maxLength: 200 })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name!: string;
}

export class HolidayList {
  @ApiProperty({ type: [HolidayDto], description: 'Sorted by date' })
  items!: HolidayDto[];
}

export class HolidayYearQuery {
  @ApiPropertyOptional({
    minimum: MIN_HOLIDAY_YEAR,
    maximum: MAX_HOLIDAY_YEAR,
    example: 2026,
    description: 'Calendar year; defaults to the current year in Asia/Ho_Chi_Minh',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_HOLIDAY_YEAR)
  @Max(MAX_HOLIDAY_YEAR)
  year?: number;
}
