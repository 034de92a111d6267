import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Role, ROLES } from '../../domain/roles';
import { PageQuery } from '../../common/pagination';
import { MIN_PASSWORD_LENGTH } from '../../auth/password';
import { LengthAtMost, MAX_AREA_CODE, MAX_CODE } from '../../common/text-limits';

export class CreateUserDto {
  @ApiProperty({ example: 'officer.hue', description: '3–64 letters, digits, dots, dashes, underscores; stored lower case' })
  @IsString()
  @Matches(/^[a-z0-9._-]{3,64}$/i, { message: 'username must be 3–64 letters, digits, dots, dashes or underscores' })
  @LengthAtMost(MAX_CODE)
  username!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ example: 'Trần Thị Bình' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @ApiProperty({ example: 'VN', description: 'The area whose subtree is the user’s scope' })
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,32}$/, { message: 'areaCode must be an area code' })
  @LengthAtMost(MAX_AREA_CODE)
  areaCode!: string;
}

export class CreatedUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() areaCode!: string;
}

export class UserProfile extends CreatedUser {
  @ApiProperty() fullName!: string;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

/** PATCH /users/{id}: what an admin may change of a user inside its area. */
export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,32}$/, { message: 'areaCode must be an area code' })
  @LengthAtMost(MAX_AREA_CODE)
  areaCode?: string;

  @ApiPropertyOptional({ description: 'false deactivates the user: its tokens stop working' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minLength: MIN_PASSWORD_LENGTH, description: 'A new password' })
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(1024)
  password?: string;
}

export class UserAccount extends UserProfile {
  @ApiProperty() active!: boolean;
}
