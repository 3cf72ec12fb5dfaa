import { describe, expect, it } from 'vitest';
import { explainMissingSupport, needsGestureToBoot, safariVersion, type BrowserFacts } from './support.ts';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';
const SAFARI_16_3 = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.3 Safari/605.1.15';
const SAFARI_17_4 = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const IPHONE_15 = 'Mozilla/5.0 (iPhone; CPU iPhone OS 15_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6 Mobile/15E148 Safari/604.1';
const IPHONE_CHROME_17 = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1';

const READY: BrowserFacts = { crossOriginIsolated: true, sharedArrayBuffer: true, serviceWorker: true, secureContext: true, userAgent: CHROME, maxTouchPoints: 0 };

describe('explainMissingSupport', () => {
  it.each([
    ['an isolated Chrome', {}, null],
    ['an isolated Firefox', { userAgent: FIREFOX }, null],
    ['Safari 17.4', { userAgent: SAFARI_17_4 }, null],
    ['Safari 16.3', { userAgent: SAFARI_16_3 }, /Safari \(16\.3\).*needs Safari 16\.4 or later/],
    ['iOS 15 Safari', { userAgent: IPHONE_15 }, /Safari \(15\.7\)/],
    ['plain http from another machine', { secureContext: false, crossOriginIsolated: false }, /plain http.*https.*npm start/],
    ['a Firefox private window (no service workers)', { userAgent: FIREFOX, serviceWorker: false }, /private.*window/],
    ['a page served without COOP/COEP', { crossOriginIsolated: false, sharedArrayBuffer: false }, /Cross-Origin-Opener-Policy: same-origin.*_headers.*vercel\.json.*GitHub Pages/],
    ['an isolated page without SharedArrayBuffer', { sharedArrayBuffer: false }, /recent desktop Chrome, Edge\s+or Firefox, or Safari 16\.4/],
  ] as const)('%s', (_, facts, expected) => {
    const message = explainMissingSupport({ ...READY, ...facts });
    if (expected === null) expect(message).toBeNull();
    else expect(message).toMatch(expected);
  });

  it('always tells the learner about the runtime on their own computer', () => {
    const message = explainMissingSupport({ ...READY, crossOriginIsolated: false });
    expect(message).toContain('npm install && npm start');
  });
});

describe('safariVersion', () => {
  it.each([
    [SAFARI_16_3, [16, 3]],
    [SAFARI_17_4, [17, 4]],
    [IPHONE_15, [15, 7]],
    [IPHONE_CHROME_17, [17, 5]], // every iOS browser is Safari underneath
    [CHROME, null],
    [FIREFOX, null],
  ])('%s', (userAgent, expected) => {
    expect(safariVersion(userAgent)).toEqual(expected);
  });
});

describe('needsGestureToBoot', () => {
  it.each([
    ['iPhone', IPHONE_15, 5, true],
    ['iPad that says it is a Mac', SAFARI_17_4, 5, true],
    ['a Mac', SAFARI_17_4, 0, false],
    ['desktop Chrome', CHROME, 0, false],
    ['a Chrome laptop with a touch screen', CHROME, 10, false],
  ])('%s', (_, userAgent, touchPoints, expected) => {
    expect(needsGestureToBoot(userAgent, touchPoints)).toBe(expected);
  });
});
