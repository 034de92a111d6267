import { ApiProperty } from '@nestjs/swagger';
import { IsAreaCode, IsFreeText, IsVersion } from '../../common/validators';

/** The longest reason of a transfer or of its rejection. */
const MAX_REASON = 5000;

class VersionedDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The case version the caller last read; a stale one gets 409',
  })
  @IsVersion()
  version!: number;
}

export class TransferCaseDto extends VersionedDto {
  @ApiProperty({ description: 'The commune the case goes to', example: '46002' })
  @IsAreaCode()
  toAreaCode!: string;

  @ApiProperty({ description: 'Why (the child moved, communes merged); stored encrypted' })
  @IsFreeText(MAX_REASON, { nonEmpty: true })
  reason!: string;
}

export class AcceptTransferDto extends VersionedDto {}

export class RejectTransferDto extends VersionedDto {
  @ApiProperty({ description: 'Why the target commune refuses the case; stored encrypted' })
  @IsFreeText(MAX_REASON, { nonEmpty: true })
  reason!: string;
}

/** The case's latest transfer: pending while the target commune has not answered. */
export class TransferViewDto {
  @ApiProperty({ example: '46002' }) toAreaCode!: string;
  @ApiProperty({ enum: ['pending', 'accepted', 'rejected'] }) status!: 'pending' | 'accepted' | 'rejected';
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ format: 'uuid', description: 'The user who asked for it' }) requestedBy!: string;
}
