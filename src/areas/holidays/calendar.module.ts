import { Module } from '@nestjs/common';
import { HolidayCalendar } from './holiday-calendar';
import { HolidaysController } from './holidays.controller';
import { HolidaysService } from './holidays.service';

/** Public holidays and the working-day calendar that deadlines are computed on. */
@Module({
  controllers: [HolidaysController],
  providers: [HolidayCalendar, HolidaysService],
  exports: [HolidayCalendar],
})
export class CalendarModule {}
