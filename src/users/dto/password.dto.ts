import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '../../auth/password';

/** POST /auth/password: the signed-in user replaces its own password. */
export class ChangePasswordDto {
  @ApiProperty({ description: 'The password the user signed in with (the one-time one, or its own)' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, description: 'Different from the current one' })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `newPassword must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(1024)
  newPassword!: string;
}
