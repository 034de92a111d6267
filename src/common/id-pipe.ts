import { ParseUUIDPipe } from '@nestjs/common';
import { NotFound } from './problem';

/**
 * Parses an id in a path. Something that cannot be an id names no record: 404, like an id outside
 * the caller's scope, and the detail says why (`The case was not found: … is not a valid id`).
 */
export const idPipe = (what: string): ParseUUIDPipe =>
  new ParseUUIDPipe({
    exceptionFactory: () => new NotFound(what, 'the path does not hold a valid id (ids are UUIDs)'),
  });
