import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MAX_NAME } from '../../../common/text-limits';
import { IsLocalDate, IsYear, MAX_YEAR, MIN_YEAR } from '../../../common/validators';

export const MIN_HOLIDAY_YEAR = MIN_YEAR;
export const MAX_HOLIDAY_YEAR = MAX_YEAR;

/** A real calendar date `YYYY-MM-DD` within the years the calendar keeps. */
const IsHolidayDate = () =>
  IsLocalDate({
    years: [MIN_HOLIDAY_YEAR, MAX_HOLIDAY_YEAR],
    message: `date must be a real calendar date YYYY-MM-DD between ${MIN_HOLIDAY_YEAR} and ${MAX_HOLIDAY_YEAR}`,
  });

/** One public holiday (a weekday off), as PUT takes it and GET returns it. */
export class HolidayDto {
  @ApiProperty({ example: '2026-02-17', format: 'date', description: 'Local date in Vietnam, YYYY-MM-DD' })
  @IsHolidayDate()
  date!: string;

  @ApiProperty({ example: 'Tết Nguyên đán (mùng 1)', minLength: 1, maxLength: 200 })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(MAX_NAME)
  name!: string;
}

export class HolidayList {
  @ApiProperty({ type: [HolidayDto], description: 'Sorted by date' })
  items!: HolidayDto[];
}

export class HolidayYearQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: MIN_HOLIDAY_YEAR,
    maximum: MAX_HOLIDAY_YEAR,
    example: 2026,
    description: 'Calendar year; defaults to the current year in Asia/Ho_Chi_Minh',
  })
  @IsOptional()
  @Type(() => Number)
  @IsYear()
  year?: number;
}
