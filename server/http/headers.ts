/** Response headers the app server sets, kept in one place so every response path agrees. */
import type { ServerResponse } from 'node:http';
import { ISOLATION_HEADERS } from '../../contracts/isolation.ts';

/** The app's own pages and assets: cross-origin isolated, and not embeddable by other sites' pages. */
export function setAppHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) res.setHeader(name, value);
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // A framed app would connect its runner on behalf of whatever page framed it (clickjacking).
  res.setHeader('Content-Security-Policy', "frame-ancestors 'self'");
  res.setHeader('X-Frame-Options', 'SAMEORIGIN');
}

/**
 * What a preview response needs to load in an iframe of a cross-origin-isolated page: the
 * parent's COEP requires the frame to opt in with CORP, and a nested document must itself
 * declare COEP. Learner servers send neither, so the proxy adds them.
 */
export const PREVIEW_HEADERS = {
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;
