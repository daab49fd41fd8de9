/**
 * The renderer's Content-Security-Policy, sent as a header by both hosts (and mirrored in
 * renderer/index.html's meta tag): only the app's own scripts and styles, no remote content.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // Voice notes and videos play from the app's own /media/ route; nothing remote.
  "media-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
