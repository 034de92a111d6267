import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MAX_CODE } from '../../common/text-limits';
import { IsPasswordAttempt } from './password.dto';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_CODE)
  username!: string;

  @ApiProperty()
  @IsPasswordAttempt()
  password!: string;
}

export class TokenResponse {
  @ApiProperty()
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires' })
  expiresIn!: number;

  @ApiProperty({
    description:
      'The password was set by an admin: the token serves only POST /auth/password until the user chooses its own',
  })
  passwordChangeRequired!: boolean;
}
