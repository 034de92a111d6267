import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../access/authorize.decorator';
import { LoginDto, TokenResponse } from './dto/login.dto';
import { LOGIN_THROTTLED } from './login-rate-limit';
import { LoginService } from './login.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly logins: LoginService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @RouteConfig(LOGIN_THROTTLED)
  @ApiOperation({ summary: 'Exchange a username and password for a bearer token' })
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest): Promise<TokenResponse> {
    return this.logins.login(dto, String(request.id));
  }
}
