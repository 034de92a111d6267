import { join } from 'node:path';
import { consoleBuildFolder } from './console-site';

describe('the console build folder', () => {
  it('is dist/console of the repository, from the sources (tests) and from the build (npm start)', () => {
    expect(consoleBuildFolder(join('/repo', 'src', 'common'))).toBe(join('/repo', 'dist', 'console'));
    expect(consoleBuildFolder(join('/repo', 'dist', 'src', 'common'))).toBe(join('/repo', 'dist', 'console'));
  });
});
