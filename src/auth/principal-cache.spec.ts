import { Principal } from '../access/principal';
import { PrincipalCache } from './principal-cache';

const principal: Principal = { id: 'u1', username: 'a', fullName: 'A', role: 'auditor', areaCode: 'VN', areaPath: 'VN' };

describe('principal cache', () => {
  it('keeps a user for the time to live and no longer', () => {
    let now = 0;
    const cache = new PrincipalCache(5000, 10, () => now);
    cache.set(principal);
    now = 4999;
    expect(cache.get('u1')).toBe(principal);
    now = 5000;
    expect(cache.get('u1')).toBeUndefined();
  });

  it('forgets a user at once when told', () => {
    const cache = new PrincipalCache(5000);
    cache.set(principal);
    cache.forget('u1');
    expect(cache.get('u1')).toBeUndefined();
  });

  it('stays bounded', () => {
    const cache = new PrincipalCache(5000, 2);
    for (const id of ['a', 'b', 'c']) cache.set({ ...principal, id });
    expect(cache.get('c')).toBeDefined();
    expect(cache.get('a')).toBeUndefined();
  });
});
