import { ApiProperty } from '@nestjs/swagger';
import { AGENCY_CODES, INTERVENTION_STATUSES } from '../../domain/intervention-types';

/** What anyone who may read the case sees of an intervention: who acts, and how far it got. */
export class InterventionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: AGENCY_CODES }) agency!: string;
  @ApiProperty({ enum: INTERVENTION_STATUSES }) status!: string;
}

/** An intervention in full: for case roles and the staff of its own agency in its area. */
export class InterventionViewDto extends InterventionSummaryDto {
  @ApiProperty({ description: 'An intervention type of the agency (GET /codes)', example: 'criminal_report' })
  type!: string;
  @ApiProperty({ description: 'The area where the agency acts' }) areaCode!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ type: String, nullable: true }) outcome!: string | null;
  @ApiProperty({ description: 'Send it back with the next PATCH; a stale one gets 409' }) version!: number;
  @ApiProperty({
    enum: INTERVENTION_STATUSES,
    isArray: true,
    description: 'The statuses this caller may move it to now (PATCH /interventions/{id}); empty when none',
  })
  allowedStatuses!: string[];
}
