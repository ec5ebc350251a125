export type Params = Record<string, string>;

/** Matches `/cases/:id` against a path; trailing slashes are ignored and parameters are decoded. */
export function matchPath(pattern: string, path: string): Params | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i] ?? '';
    const actual = have[i] ?? '';
    if (segment.startsWith(':')) {
      try {
        params[segment.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (segment !== actual) {
      return null;
    }
  }
  return params;
}

/** Only same-site paths may be returned to after sign-in, never another origin. */
export function safeReturnPath(candidate: string | null | undefined): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) return '/';
  if (candidate.startsWith('/login') || candidate.startsWith('/setup')) return '/';
  return candidate;
}

/** The server may answer with a path or a full address; the person needs something to paste into a mail. */
export function absoluteLink(link: string, origin: string): string {
  return link.startsWith('/') && !link.startsWith('//') ? `${origin}${link}` : link;
}
