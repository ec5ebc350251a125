import { describe, expect, it } from 'vitest';
import { absoluteLink, matchPath, safeReturnPath } from './route-match.ts';

describe('matchPath', () => {
  it('matches static paths, ignoring a trailing slash', () => {
    expect(matchPath('/cases', '/cases')).toEqual({});
    expect(matchPath('/cases', '/cases/')).toEqual({});
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/cases', '/register')).toBeNull();
  });

  it('captures and decodes parameters', () => {
    expect(matchPath('/cases/:id', '/cases/c%201')).toEqual({ id: 'c 1' });
    expect(matchPath('/setup/:token', '/setup/abc')).toEqual({ token: 'abc' });
  });

  it('does not match a different depth or a broken escape', () => {
    expect(matchPath('/cases/:id', '/cases')).toBeNull();
    expect(matchPath('/cases/:id', '/cases/1/edit')).toBeNull();
    expect(matchPath('/cases/:id', '/cases/%E0%A4%A')).toBeNull();
  });
});

describe('safeReturnPath', () => {
  it('keeps local paths and refuses other origins', () => {
    expect(safeReturnPath('/cases/1')).toBe('/cases/1');
    expect(safeReturnPath('//evil.example')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
    expect(safeReturnPath('https://evil.example')).toBe('/');
    expect(safeReturnPath('/login')).toBe('/');
    expect(safeReturnPath(null)).toBe('/');
  });
});

describe('absoluteLink', () => {
  it('puts the origin before a path and leaves full addresses alone', () => {
    expect(absoluteLink('/setup/abc', 'https://bd.example')).toBe('https://bd.example/setup/abc');
    expect(absoluteLink('https://other.example/setup/abc', 'https://bd.example')).toBe('https://other.example/setup/abc');
  });
});
