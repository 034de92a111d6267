import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../access/authorize.decorator';
import { Caller, CurrentCaller } from '../../access/request-context';
import { ApiProblems } from '../../common/api-problems.decorator';
import { UuidParam } from '../../common/uuid-param';
import { MergedChildDto, MergeChildDto, NotDuplicateDto } from './child-merge.dto';
import { ChildMergeService } from './child-merge.service';

const ChildId = () => UuidParam('The child');

@ApiTags('cases')
@ApiBearerAuth()
@Controller('children/:id')
export class ChildrenController {
  constructor(private readonly merges: ChildMergeService) {}

  @Post('merge')
  @HttpCode(200)
  @Authorize('update', 'Child')
  @ApiOperation({
    summary: 'Merge two records of one child: the cases move to intoChildId, the merged id answers 404 afterwards',
    description:
      'Provincial officers; a commune officer when every case of both children lies in its scope (else 403). The ' +
      'statistics count the merged child once, in the same transaction; each case’s history keeps the merge and its reason.',
  })
  @ApiOkResponse({ type: MergedChildDto })
  @ApiProblems(400, 403, 404, 413, 415)
  merge(@CurrentCaller() caller: Caller, @ChildId() id: string, @Body() dto: MergeChildDto): Promise<MergedChildDto> {
    return this.merges.merge(caller, id, dto);
  }

  @Post('not-duplicate')
  @HttpCode(204)
  @Authorize('update', 'Child')
  @ApiOperation({
    summary: 'Judge a possible duplicate to be another child: the pair leaves possibleDuplicates for good',
  })
  @ApiNoContentResponse({ description: 'The pair is no longer listed, and never proposed again' })
  @ApiProblems(400, 404, 413, 415)
  notDuplicate(@CurrentCaller() caller: Caller, @ChildId() id: string, @Body() dto: NotDuplicateDto): Promise<void> {
    return this.merges.notDuplicate(caller, id, dto);
  }
}
