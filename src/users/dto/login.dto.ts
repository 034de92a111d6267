import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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

/** Who set the password a user signs in with, when an admin did and the user has not chosen its own. */
export class PasswordSetByAdmin {
  @ApiProperty({ description: 'The username of the admin who set it', example: 'admin.hue' })
  by!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;
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

  @ApiPropertyOptional({
    type: PasswordSetByAdmin,
    description:
      'Present when the password signed in with was set by an admin (a new account, a reset): who and when, so the ' +
      'user can tell a reset it did not ask for',
  })
  passwordSetByAdmin?: PasswordSetByAdmin;
}
