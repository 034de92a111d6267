import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIELD_ERROR_CODES, FieldError, FieldErrorCode, Problem } from './problem';

export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'children[0].dateOfBirth', description: 'The path of the field in the body or the query' })
  field!: string;
  @ApiPropertyOptional({
    enum: FIELD_ERROR_CODES,
    example: 'retired',
    description:
      'What is wrong, for a client to say in its own words; `retired`: an area code no longer valid on the day it is taken for',
  })
  code?: FieldErrorCode;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { successor: '46010' },
    description: 'The parameters of `code`: `retired` names `successor` (the area that took over; null when none)',
  })
  params?: FieldError['params'];
  @ApiProperty({ example: 'dateOfBirth must be a date YYYY-MM-DD' }) message!: string;
}

/** RFC 9457 problem details: the body of every error response, served as application/problem+json. */
export class ProblemDto implements Problem {
  @ApiProperty({ example: 'urn:problem-type:invalid-request' }) type!: string;
  @ApiProperty({ example: 'Invalid request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'The request has invalid fields' }) detail!: string;
  @ApiPropertyOptional({ example: '/api/v1/users', description: 'The path of the request, without its query string' })
  instance?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The server’s id of the request, also in the X-Request-Id header',
  })
  requestId?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'For invalid input: one entry per field' })
  errors?: FieldErrorDto[];
}
