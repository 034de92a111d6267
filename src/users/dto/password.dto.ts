import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '../../auth/password';
import { stacked } from '../../common/validators';

/** The longest password taken: argon2 hashes any length, but a body need not carry a book. */
export const MAX_PASSWORD = 1024;

/** A password as typed at a sign-in: anything up to 1024 characters. */
export function IsPasswordAttempt(): PropertyDecorator {
  return stacked(IsString(), MinLength(1), MaxLength(MAX_PASSWORD));
}

/** A password being chosen: at least 12 characters. */
export function IsNewPassword(): PropertyDecorator {
  const message = ({ property }: { property: string }) =>
    `${property} must be at least ${MIN_PASSWORD_LENGTH} characters`;
  return stacked(IsString(), MinLength(MIN_PASSWORD_LENGTH, { message }), MaxLength(MAX_PASSWORD));
}

/** POST /auth/password: the signed-in user replaces its own password. */
export class ChangePasswordDto {
  @ApiProperty({ description: 'The password the user signed in with (the one-time one, or its own)' })
  @IsPasswordAttempt()
  currentPassword!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, description: 'Different from the current one' })
  @IsNewPassword()
  newPassword!: string;
}
