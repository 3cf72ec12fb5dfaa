/** The same page, forced onto another runtime with `?runtime=`, keeping the lesson and other parameters. */
import type { RuntimeKind } from './types.ts';

export function urlWithRuntime(href: string, kind: RuntimeKind): string {
  const url = new URL(href);
  url.searchParams.set('runtime', kind);
  return url.toString();
}
