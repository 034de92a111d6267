import { Principal } from './principal';
import { PrincipalCache, SignedInUser } from './principal-cache';

const principal: Principal = {
  id: 'u1',
  username: 'a',
  fullName: 'A',
  role: 'auditor',
  areaCode: 'VN',
  areaPath: 'VN',
};
const signedIn = (id = 'u1'): SignedInUser => ({
  principal: { ...principal, id },
  tokenVersion: 0,
  mustChangePassword: false,
});

describe('principal cache', () => {
  it('keeps a user for the time to live and no longer', () => {
    let now = 0;
    const cache = new PrincipalCache(5000, 10, () => now);
    const user = signedIn();
    cache.set(user);
    now = 4999;
    expect(cache.get('u1')).toBe(user);
    now = 5000;
    expect(cache.get('u1')).toBeUndefined();
  });

  it('forgets a user at once when told', () => {
    const cache = new PrincipalCache(5000);
    cache.set(signedIn());
    cache.forget('u1');
    expect(cache.get('u1')).toBeUndefined();
  });

  it('keeps no row read before a forget: it may be older than the change (a sign-out) that was forgotten', () => {
    const cache = new PrincipalCache(5000);
    const readAt = cache.epoch;
    cache.forget('u1'); // the sign-out commits while the row is being read
    cache.set(signedIn(), readAt);
    expect(cache.get('u1')).toBeUndefined();
    cache.set(signedIn(), cache.epoch);
    expect(cache.get('u1')).toBeDefined();
  });

  it('stays bounded', () => {
    const cache = new PrincipalCache(5000, 2);
    for (const id of ['a', 'b', 'c']) cache.set(signedIn(id));
    expect(cache.get('c')).toBeDefined();
    expect(cache.get('a')).toBeUndefined();
  });
});
