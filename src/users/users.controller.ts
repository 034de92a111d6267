import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { UuidParam } from '../common/uuid-param';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/api-problems.decorator';
import { ApiPageResponse } from '../common/page.dto';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { Page } from '../common/pagination';
import { CreatedUser, CreateUserDto, UpdateUserDto, UserAccount, UserListQuery, UserProfile } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @Authorize('read', 'Profile')
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserProfile })
  me(@CurrentCaller() caller: Caller): Promise<UserProfile> {
    return this.users.profile(caller);
  }

  @Post()
  @Authorize('create', 'User')
  @ApiOperation({ summary: 'Create a user inside the admin’s area (admin)' })
  @ApiCreatedResponse({
    type: CreatedUser,
    description:
      'The user: its one-time password was mailed to its email (passwordMailed) or is the one the admin gave',
  })
  @ApiProblems(400, 409, 413, 415, 503)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateUserDto): Promise<CreatedUser> {
    return this.users.create(caller, dto);
  }

  @Get()
  @Authorize('read', 'User')
  @ApiOperation({ summary: 'Users inside the admin’s area (admin)' })
  @ApiPageResponse(UserProfile)
  @ApiProblems(400)
  list(@CurrentCaller() caller: Caller, @Query() query: UserListQuery): Promise<Page<UserProfile>> {
    return this.users.list(caller, query);
  }

  @Patch(':id')
  @Authorize('update', 'User')
  @ApiOperation({ summary: 'Change a user’s name, role, area or password, or deactivate it (admin, inside its area)' })
  @ApiOkResponse({ type: UserAccount })
  @ApiProblems(400, 404, 409, 413, 415, 503)
  update(
    @CurrentCaller() caller: Caller,
    @UuidParam('The user') id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserAccount> {
    return this.users.update(caller, id, dto);
  }
}
