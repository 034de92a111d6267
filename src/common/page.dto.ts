import { applyDecorators, Type } from '@nestjs/common';
import { ApiOkResponse, ApiProperty } from '@nestjs/swagger';
import { Page } from './pagination';

const pages = new Map<Type<unknown>, Type<Page<unknown>>>();

/**
 * `{items: Item[], nextCursor}` as a class the OpenAPI document can name (`<Item>Page`): one
 * class per item type, made once, so every list of the same items shares one schema.
 */
export function PageOf<Item>(item: Type<Item>): Type<Page<Item>> {
  const known = pages.get(item);
  if (known) return known as Type<Page<Item>>;
  class PageOfItems implements Page<Item> {
    @ApiProperty({ type: [item] }) items!: Item[];
    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Pass as `cursor` for the next page; null on the last one',
    })
    nextCursor!: string | null;
  }
  Object.defineProperty(PageOfItems, 'name', { value: `${item.name.replace(/Dto$/, '')}Page` });
  pages.set(item, PageOfItems);
  return PageOfItems;
}

/** 200 with a page of `item`: the response of every list route. */
export const ApiPageResponse = (item: Type<unknown>, description?: string) =>
  applyDecorators(ApiOkResponse({ type: PageOf(item), description }));
