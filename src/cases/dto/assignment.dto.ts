import { ApiProperty } from '@nestjs/swagger';
import { IsUuid, IsVersion } from '../../common/validators';

/** The officer a case is given to, as every reader of the case sees them. */
export class AssigneeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'officer.46001' }) username!: string;
  @ApiProperty() fullName!: string;
}

export class AssignCaseDto {
  @ApiProperty({
    format: 'uuid',
    description: 'An active commune_officer or provincial_officer whose scope holds the case',
  })
  @IsUuid()
  userId!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The case version the caller last read; a stale one gets 409',
  })
  @IsVersion()
  version!: number;
}
