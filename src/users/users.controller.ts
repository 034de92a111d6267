import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  me(@CurrentCaller() caller: Caller): UserProfile {
    return this.users.profile(caller);
  }

  @Post()
  @Authorize('create', 'User')
  @ApiOperation({ summary: 'Create a user inside the admin’s area (admin)' })
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateUserDto): Promise<CreatedUser> {
    return this.users.create(caller, dto);
  }

  @Get()
  @Authorize('read', 'User')
  @ApiOperation({ summary: 'Users inside the admin’s area (admin)' })
  list(@CurrentCaller() caller: Caller, @Query() query: UserListQuery): Promise<Page<UserProfile>> {
    return this.users.list(caller, query);
  }

  @Patch(':id')
  @Authorize('update', 'User')
  @ApiOperation({ summary: 'Change a user’s name, role, area or password, or deactivate it (admin, inside its area)' })
  update(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserAccount> {
    return this.users.update(caller, id, dto);
  }
}
