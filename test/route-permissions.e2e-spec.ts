import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { defineAbilityFor } from '../src/access/ability';
import { Permission, PERMISSION_KEY } from '../src/access/authorize.decorator';
import { ROLES } from '../src/domain/roles';
import { TestApp } from './support/test-app';

/**
 * Every route and who may reach it. The snapshot makes any change of who may reach what show up
 * in review: update it deliberately (`npx jest -u test/route-permissions`) and explain why.
 */
let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start();
});
afterAll(() => t.close());

interface RouteInfo {
  route: string;
  permission: Permission | undefined;
}

function routes(): RouteInfo[] {
  const found: RouteInfo[] = [];
  const wrappers = [...t.app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
  for (const wrapper of wrappers) {
    const controller = wrapper.metatype as (new () => unknown) | undefined;
    if (!controller) continue;
    const base = [Reflect.getMetadata(PATH_METADATA, controller) ?? ''].flat()[0] as string;
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const full = `/api/v1/${[base, path].filter((part) => part && part !== '/').join('/')}`.replace(/\/+/g, '/');
      const permission =
        (Reflect.getMetadata(PERMISSION_KEY, handler) as Permission | undefined) ??
        (Reflect.getMetadata(PERMISSION_KEY, controller) as Permission | undefined);
      found.push({ route: `${method} ${full}`, permission });
    }
  }
  return found.sort((a, b) => a.route.localeCompare(b.route));
}

describe('route permissions', () => {
  it('has a declared permission on every route', () => {
    const undeclared = routes()
      .filter((r) => !r.permission)
      .map((r) => r.route);
    expect(undeclared).toEqual([]);
  });

  it('matches the reviewed table of who may reach each route', () => {
    const table = routes().map(({ route, permission }) => {
      if (!permission || permission.public) return `${route}  →  public`;
      const allowed = ROLES.filter((role) =>
        defineAbilityFor({ id: 'x', username: 'x', fullName: 'x', role, areaCode: 'VN', areaPath: 'VN' }).can(
          permission.action,
          permission.subject,
        ),
      );
      return `${route}  →  ${permission.action} ${permission.subject}: ${allowed.join(', ') || 'nobody'}`;
    });
    expect(table.join('\n')).toMatchSnapshot();
  });
});
