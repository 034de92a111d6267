import { ApiProperty } from '@nestjs/swagger';
import { ALL_FORMS, CATEGORIES, CHANNELS, codesOf, PERPETRATORS } from '../../domain/codes';
import { CaregiverViewDto, ReporterViewDto } from '../../cases/dto/case-view.dto';
import { CreatedCaseRef } from './create-report.dto';

/** GET /reports/{id}: a report as its creator filed it. */
export class ReportViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: codesOf(CHANNELS) }) channel!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ enum: codesOf(CATEGORIES) }) category!: string;
  @ApiProperty({ enum: ALL_FORMS }) form!: string;
  @ApiProperty() fatal!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) occurredAt!: string | null;
  @ApiProperty() occurredAreaCode!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, enum: codesOf(PERPETRATORS), nullable: true }) allegedPerpetrator!: string | null;
  @ApiProperty({
    type: ReporterViewDto,
    nullable: true,
    description: 'As filed, whether or not the reporter consented to be contacted',
  })
  reporter!: ReporterViewDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Where the child is now (Mẫu 01)' })
  childLocation!: string | null;
  @ApiProperty({ type: [CaregiverViewDto] }) caregivers!: CaregiverViewDto[];
  @ApiProperty({ type: String, nullable: true }) familySituation!: string | null;
  @ApiProperty({ type: String, nullable: true }) actionsTaken!: string | null;
  @ApiProperty({ type: [CreatedCaseRef] }) cases!: CreatedCaseRef[];
}
