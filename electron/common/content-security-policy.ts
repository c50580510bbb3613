/**
 * The renderer's Content-Security-Policy, one text for every place it is delivered: the meta tag
 * in renderer/index.html (tests compare it word for word), the app:// protocol in Electron and the
 * browser host. `frame-ancestors` only works from a header, so the meta tag leaves it out.
 */
export const META_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

export const CONTENT_SECURITY_POLICY = `${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
