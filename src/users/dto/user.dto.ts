import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { Role, ROLES } from '../../domain/roles';
import { levelsOfRole } from '../../domain/role-levels';
import { PageQuery } from '../../common/pagination';
import { MIN_PASSWORD_LENGTH } from '../../auth/password';
import { Given, IsAreaCode, IsCode, IsEmailAddress, IsPersonName, IsUsername } from '../../common/validators';
import { IsNewPassword } from './password.dto';

/** What the role must be of the area, said where a role or an area is given (from the rule itself). */
const ROLE_FITS_AREA =
  `Must fit the level of its area, else 400 on role: ${ROLES.map((role) => `${role} on ${levelsOfRole(role).join('/')}`).join('; ')}. ` +
  'An auditor is created or changed only by an admin of an area above its own (the country’s by the country’s admins), else 403.';

/** The shortest username a new user may get. */
const SHORTEST_USERNAME = 3;

export class CreateUserDto {
  @ApiProperty({
    example: 'officer.hue',
    description: '3–64 letters, digits, dots, dashes, underscores; stored lower case',
  })
  @IsUsername(SHORTEST_USERNAME)
  username!: string;

  @ApiPropertyOptional({
    minLength: MIN_PASSWORD_LENGTH,
    description:
      'The one-time password, for a user without an email (or when the service sends no mail, no SMTP_URL). For a ' +
      'user with an email the service makes one and mails it, so no admin knows it: leave it out (400 otherwise)',
  })
  @Given()
  @IsNewPassword()
  password?: string;

  @ApiProperty({ example: 'Trần Thị Bình' })
  @IsPersonName()
  fullName!: string;

  @ApiProperty({ enum: ROLES, description: ROLE_FITS_AREA })
  @IsCode(ROLES)
  role!: Role;

  @ApiProperty({ example: 'VN', description: 'The area whose subtree is the user’s scope' })
  @IsString()
  @IsAreaCode()
  areaCode!: string;

  @ApiPropertyOptional({
    example: 'officer.hue@example.vn',
    description: 'Where notifications are mailed when the service has SMTP_URL; kept encrypted',
  })
  @IsOptional()
  @IsEmailAddress()
  email?: string;
}

class UserSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() areaCode!: string;
}

export class CreatedUser extends UserSummary {
  @ApiProperty({
    description:
      'true: the service made the one-time password and mailed it to the user’s email (it is shown nowhere); ' +
      'false: the user signs in with the one the admin gave',
  })
  passwordMailed!: boolean;
}

export class UserProfile extends UserSummary {
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, nullable: true, example: 'officer.hue@example.vn' }) email!: string | null;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsCode(ROLES)
  role?: Role;
}

/** PATCH /users/{id}: what an admin may change of a user inside its area. */
export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsPersonName()
  fullName?: string;

  @ApiPropertyOptional({ enum: ROLES, description: ROLE_FITS_AREA })
  @IsOptional()
  @IsCode(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'The role (the new or the present one) must fit its level' })
  @IsOptional()
  @IsAreaCode()
  areaCode?: string;

  @ApiPropertyOptional({ description: 'false deactivates the user: its tokens stop working' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'A new email; null removes it' })
  @IsOptional()
  @IsEmailAddress()
  email?: string | null;

  @ApiPropertyOptional({
    minLength: MIN_PASSWORD_LENGTH,
    description:
      'A new one-time password, for a user without an email (or when the service sends no mail); 400 for a user ' +
      'with one: send resetPassword instead',
  })
  @Given()
  @IsNewPassword()
  password?: string;

  @ApiPropertyOptional({
    description:
      'true: the service makes a new one-time password and mails it to the user’s email, so no admin knows it ' +
      '(400 for a user without an email, or when the service sends no mail: send password instead)',
  })
  @IsOptional()
  @IsBoolean()
  resetPassword?: boolean;
}

export class UserAccount extends UserProfile {
  @ApiProperty() active!: boolean;
}
