import { isWithin } from '../domain/area-path';
import { Caller } from '../access/request-context';
import { AreaRef, AreaRepository } from '../area-tree/area-repository';
import { FieldError, Forbidden, InvalidInput } from '../common/problem';

/**
 * Resolves the commune codes a request names: unknown or non-commune codes are 400 on their
 * field, and so are codes retired by `on` (`YYYY-MM-DD`, the day they are taken for) when given;
 * a commune outside the caller's area is 403.
 */
export async function resolveCommunes(
  areas: AreaRepository,
  caller: Caller,
  fields: { field: string; code: string }[],
  on?: string,
): Promise<Map<string, AreaRef>> {
  const byCode = await areas.refs(fields.map((f) => f.code));
  const errors: FieldError[] = [];
  for (const { field, code } of fields) {
    const area = byCode.get(code);
    if (!area) errors.push({ field, message: `no area has code ${code}` });
    else if (area.level !== 'commune') errors.push({ field, message: `${code} is a ${area.level}, not a commune` });
  }
  if (on) errors.push(...(await areas.retiredOn(fields, on)));
  if (errors.length) throw new InvalidInput(errors);
  const outside = fields.find(({ code }) => !isWithin(byCode.get(code)!.path, caller.user.areaPath));
  if (outside) throw new Forbidden(`${outside.field} ${outside.code} lies outside your area (${caller.user.areaCode})`);
  return byCode;
}
