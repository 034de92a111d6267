import { Param } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { idPipe } from './id-pipe';

/**
 * A path id that is a UUID: one that is not cannot exist, so it is a 404 like any record outside
 * the caller's scope, whose detail says the path holds no valid id. The OpenAPI document says `format: uuid`.
 */
export function UuidParam(what: string, name = 'id'): ParameterDecorator {
  const param = Param(name, idPipe(what));
  const documented = ApiParam({ name, type: String, format: 'uuid' });
  return (target, methodKey, index) => {
    param(target, methodKey, index);
    if (methodKey === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, methodKey);
    if (descriptor) documented(target, methodKey, descriptor);
  };
}
