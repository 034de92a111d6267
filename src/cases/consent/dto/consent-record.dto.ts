import { ApiProperty } from '@nestjs/swagger';

/** A consent as recorded. */
export class ConsentRecordDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['child', 'guardian'] }) party!: 'child' | 'guardian';
  @ApiProperty() granted!: boolean;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

/** A disclosure as recorded. */
export class DisclosureRecordDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() recipient!: string;
  @ApiProperty({ enum: ['state_authority', 'non_state'] }) recipientType!: 'state_authority' | 'non_state';
  @ApiProperty() purpose!: string;
  @ApiProperty({ type: String, nullable: true }) legalBasis!: string | null;
  @ApiProperty({ format: 'date-time' }) disclosedAt!: string;
}
