import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../main/platform/content-security-policy';

// Both policies apply at once (the stricter wins), so a directive added to the header but not to the
// page's meta tag silently blocks what it was added for (voice notes did not play).
describe('the renderer CSP', () => {
  it('is the same in the response header and in index.html, except frame-ancestors (header only)', () => {
    const html = readFileSync(join(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const directives = (policy: string) =>
      policy
        .split(';')
        .map((part) => part.trim())
        .filter((part) => part !== '' && !part.startsWith('frame-ancestors'))
        .sort();
    expect(directives(meta ?? '')).toEqual(directives(RENDERER_CSP));
  });

  it('loads media only from the app itself', () => {
    expect(RENDERER_CSP).toContain("media-src 'self'");
    expect(RENDERER_CSP).not.toMatch(/(img|media)-src[^;]*(https?:|\*)/);
  });
});
