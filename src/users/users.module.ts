import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AuthController } from './auth.controller';
import { LoginService } from './login.service';
import { PasswordChangeService } from './password-change.service';
import { SignOutService } from './sign-out.service';
import { PasswordMail } from './password-mail';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Signing in, changing one's password, and the administration of users. */
@Module({
  imports: [AuthModule],
  controllers: [AuthController, UsersController],
  providers: [LoginService, PasswordChangeService, PasswordMail, SignOutService, UsersService],
})
export class UsersModule {}
