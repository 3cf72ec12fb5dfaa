/** Logging in the way a browser does: open the printed URL, keep the cookie from its redirect. */

export interface LoggedIn {
  /** The `Cookie` header value to send with every later request and upgrade. */
  cookie: string;
  /** Where the redirect pointed. */
  location: string;
}

export async function logIn(loginUrl: string): Promise<LoggedIn> {
  const answer = await fetch(loginUrl, { redirect: 'manual' });
  const setCookie = answer.headers.get('set-cookie');
  const location = answer.headers.get('location');
  if (answer.status !== 303 || !setCookie || location === null) throw new Error(`Logging in at ${loginUrl} failed with ${answer.status}`);
  return { cookie: setCookie.split(';')[0] ?? '', location };
}
