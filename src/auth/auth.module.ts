import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { AuthenticationService } from './authentication.service';
import { LoginLockout } from './login-lockout';
import { User } from './user.entity';

/** Authentication: tokens, passwords, lockout, the principal. Below access; user administration sits above it. */
@Module({
  imports: [
    TypeOrmModule.forFeature([User]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not a string: jsonwebtoken would otherwise try (and fail) to parse the
        // string as a public key on every verification, a costly exception per request.
        secret: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [AuthenticationService, LoginLockout],
  exports: [AuthenticationService, LoginLockout, JwtModule, TypeOrmModule],
})
export class AuthModule {}
