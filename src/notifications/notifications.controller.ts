import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../access/authorize.decorator';
import { Caller, CurrentCaller } from '../access/request-context';
import { ApiProblems } from '../common/api-problems.decorator';
import { ApiPageResponse } from '../common/page.dto';
import { Page } from '../common/pagination';
import { UuidParam } from '../common/uuid-param';
import { NotificationItemDto, NotificationQuery } from './dto/notification.dto';
import { NotificationInbox } from './notification-inbox';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly inbox: NotificationInbox) {}

  @Get()
  @Authorize('read', 'Notification')
  @ApiOperation({ summary: 'The caller’s inbox, newest first (case roles and agency staff)' })
  @ApiPageResponse(NotificationItemDto)
  @ApiProblems(400)
  list(@CurrentCaller() caller: Caller, @Query() query: NotificationQuery): Promise<Page<NotificationItemDto>> {
    return this.inbox.list(caller, query);
  }

  @Post(':id/read')
  @HttpCode(204)
  @Authorize('update', 'Notification')
  @ApiOperation({ summary: 'Mark one of the caller’s notifications read' })
  @ApiNoContentResponse({ description: 'Read (a second time changes nothing)' })
  @ApiProblems(404)
  markRead(@CurrentCaller() caller: Caller, @UuidParam('The notification') id: string): Promise<void> {
    return this.inbox.markRead(caller, id);
  }
}
