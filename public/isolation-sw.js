// Portside's isolation service worker, for static hosts that cannot set response headers
// (GitHub Pages). The in-browser sandbox needs the page to be cross-origin isolated, which takes
// two headers on the page: Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy. This
// worker re-serves every same-origin response with them added. It is registered by
// app/runtime/webcontainer/isolation-sw-register.ts only when the page is not isolated already, and the page
// reloads once so that the worker serves it. Hosts that can set headers never install it.
// The same approach as https://github.com/gzuidhof/coi-serviceworker; see docs/deploy.md.

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  // Our own files may be embedded by our own pages only; that is all require-corp asks of them.
  'Cross-Origin-Resource-Policy': 'same-origin',
};

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // Cross-origin requests keep their own headers: the sandbox's engine (stackblitz.com) and its
  // previews send what cross-origin isolation needs themselves.
  if (new URL(request.url).origin !== self.location.origin) return;
  // Chromium throws on this combination when the request is re-fetched from a worker.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  event.respondWith(withIsolationHeaders(request));
});

async function withIsolationHeaders(request) {
  const response = await fetch(request);
  // Opaque and redirect responses cannot be rebuilt; they pass through as they are.
  if (response.status === 0 || response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
