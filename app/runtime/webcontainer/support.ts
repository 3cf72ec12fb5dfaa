/**
 * Can this browser run a WebContainer, and if not, what can the learner do about it?
 * Pure functions over `BrowserFacts`, so every case has a table test; `readBrowserFacts` is the
 * only part that touches the real browser.
 */

export interface BrowserFacts {
  /** `globalThis.crossOriginIsolated`: the page was served with COOP same-origin + COEP. */
  crossOriginIsolated: boolean;
  /** `SharedArrayBuffer` exists (browsers hide it from pages that are not cross-origin isolated). */
  sharedArrayBuffer: boolean;
  /** Service workers are available; WebContainer previews are served by one. */
  serviceWorker: boolean;
  /** https, or http on localhost/127.0.0.1; isolation is impossible otherwise. */
  secureContext: boolean;
  userAgent: string;
  /** `navigator.maxTouchPoints`: tells an iPad (which says it is a Mac) from a Mac. */
  maxTouchPoints: number;
}

export function readBrowserFacts(): BrowserFacts {
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    sharedArrayBuffer: typeof SharedArrayBuffer === 'function',
    serviceWorker: typeof navigator !== 'undefined' && 'serviceWorker' in navigator && navigator.serviceWorker != null,
    secureContext: globalThis.isSecureContext === true,
    userAgent: typeof navigator === 'undefined' ? '' : navigator.userAgent,
    maxTouchPoints: typeof navigator === 'undefined' ? 0 : navigator.maxTouchPoints,
  };
}

const OTHER_RUNTIME = 'Portside can also run on your own computer: `npm install && npm start`, then open the address it prints.';

/** Why a WebContainer cannot run here, in words a learner can act on; null when nothing is missing. */
export function explainMissingSupport(facts: BrowserFacts): string | null {
  const safari = safariVersion(facts.userAgent);
  if (safari && (safari[0] < 16 || (safari[0] === 16 && safari[1] < 4))) {
    return `This version of Safari (${safari.join('.')}) cannot run the in-browser sandbox; it needs Safari 16.4 or later. ` +
      `Update Safari (or iOS/iPadOS), or use a desktop Chrome, Edge or Firefox. ${OTHER_RUNTIME}`;
  }
  if (!facts.secureContext) {
    return 'This page was opened over plain http from another address, and browsers only allow the in-browser ' +
      'sandbox on https pages or on localhost. Open the https address of this site, or ' +
      OTHER_RUNTIME.charAt(0).toLowerCase() + OTHER_RUNTIME.slice(1);
  }
  if (!facts.serviceWorker) {
    return 'Your browser has service workers switched off for this page, and the sandbox needs them to show your ' +
      "server's preview. Firefox does this in private windows, and some browsers do it when a site may not store " +
      `data. Open Portside in a normal (not private) window, or allow this site to store data and cookies. ${OTHER_RUNTIME}`;
  }
  if (!facts.crossOriginIsolated) {
    return 'This page is not cross-origin isolated, so the browser keeps SharedArrayBuffer (which the sandbox needs) ' +
      'from it. The site was served without the headers `Cross-Origin-Opener-Policy: same-origin` and ' +
      '`Cross-Origin-Embedder-Policy: require-corp`. If you run this site, see docs/deploy.md: Netlify and Cloudflare ' +
      'Pages read `_headers`, Vercel reads `vercel.json`, and GitHub Pages uses the isolation service worker. ' +
      'Browser extensions that rewrite headers can also cause this. ' + OTHER_RUNTIME;
  }
  if (!facts.sharedArrayBuffer) {
    return 'This browser does not offer SharedArrayBuffer, which the sandbox needs. Use a recent desktop Chrome, Edge ' +
      `or Firefox, or Safari 16.4 or later. ${OTHER_RUNTIME}`;
  }
  return null;
}

/**
 * Safari's version from its user agent (iOS: the OS version, since every iOS browser is Safari
 * underneath); null for browsers that are not Safari.
 */
export function safariVersion(userAgent: string): [major: number, minor: number] | null {
  const ios = /\b(?:iPhone|iPad|iPod)\b.*? OS (\d+)_(\d+)/.exec(userAgent);
  if (ios) return [Number(ios[1]), Number(ios[2])];
  if (/Chrome|Chromium|CriOS|FxiOS|Firefox|Edg\//.test(userAgent)) return null;
  const mac = /Version\/(\d+)(?:\.(\d+))?.*Safari\//.exec(userAgent);
  return mac ? [Number(mac[1]), Number(mac[2] ?? 0)] : null;
}

/**
 * iPhone and iPad tabs are killed when a page grabs a lot of memory without a user gesture, so
 * the sandbox boots only after the learner taps. iPadOS reports itself as a Mac; its touch
 * points give it away.
 */
export function needsGestureToBoot(userAgent: string, maxTouchPoints: number): boolean {
  if (/\b(?:iPhone|iPad|iPod)\b/.test(userAgent)) return true;
  return /\bMacintosh\b/.test(userAgent) && maxTouchPoints > 1;
}

/** Resolves at the learner's first tap, click or key press anywhere on the page. */
export function waitForFirstGesture(target: EventTarget = document): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      target.removeEventListener('pointerdown', done, true);
      target.removeEventListener('keydown', done, true);
      resolve();
    };
    target.addEventListener('pointerdown', done, true);
    target.addEventListener('keydown', done, true);
  });
}
