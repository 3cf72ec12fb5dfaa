/**
 * The e2e login step: the first visit carries the secret, the way a learner opens the address
 * `npm start` printed. playwright.config.ts hands the same secret to `npm start` as
 * PORTSIDE_SECRET; the server answers with the session cookie and a redirect to the same path.
 */
export function withSecret(path: string): string {
  const secret = process.env.PORTSIDE_E2E_SECRET;
  if (!secret) throw new Error('PORTSIDE_E2E_SECRET is not set: run the e2e tests through playwright.config.ts');
  const url = new URL(path, 'http://e2e.invalid');
  url.searchParams.set('secret', secret);
  // The fragment stays on the address: the browser keeps it across the redirect.
  return url.pathname + url.search + url.hash;
}
