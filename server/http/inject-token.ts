/** Puts the runner token into the page, where `runnerToken()` (app/runtime/choose.ts) finds it. */
import { RUNNER_META } from '../../contracts/runner-protocol.ts';

export function injectRunnerToken(html: string, token: string): string {
  // The token is base64url, so it needs no escaping inside an attribute.
  const meta = `<meta name="${RUNNER_META}" content="${token}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return meta + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}
