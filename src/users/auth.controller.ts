import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/api-problems.decorator';
import type { FastifyRequest } from 'fastify';
import { AllowedWithOneTimePassword, Authorize, Public } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { requestIds } from '../common/request-id';
import { LoginDto, TokenResponse } from './dto/login.dto';
import { ChangePasswordDto } from './dto/password.dto';
import { LOGIN_THROTTLED } from '../auth/login-rate-limit';
import { LoginService } from './login.service';
import { PasswordChangeService } from './password-change.service';
import { SignOutService } from './sign-out.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly logins: LoginService,
    private readonly passwords: PasswordChangeService,
    private readonly signOuts: SignOutService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @RouteConfig(LOGIN_THROTTLED)
  @ApiOperation({ summary: 'Exchange a username and password for a bearer token' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiProblems(400, 401, 413, 415, 429, 503)
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest): Promise<TokenResponse> {
    return this.logins.login(dto, requestIds(request));
  }

  @Post('password')
  @HttpCode(204)
  @Authorize('update', 'Password')
  @AllowedWithOneTimePassword()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Replace the signed-in user’s password; every token issued before stops working, so sign in again',
  })
  @ApiNoContentResponse({ description: 'Changed: sign in again with the new password' })
  @ApiProblems(400, 413, 415, 503)
  changePassword(@CurrentCaller() caller: Caller, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.passwords.change(caller, dto);
  }

  @Post('logout')
  @HttpCode(204)
  @Authorize('delete', 'Session')
  @AllowedWithOneTimePassword()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Sign out: the token this call carries never works again (nor any other of the user’s tokens)',
  })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiProblems(400, 413, 415, 503)
  logout(@CurrentCaller() caller: Caller): Promise<void> {
    return this.signOuts.signOut(caller);
  }
}
