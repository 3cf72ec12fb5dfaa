// Runs a page's scripts the way a browser would start them, far enough to see which WebSockets
// they open: `new WebSocket(url)` is recorded, everything else of the DOM is a harmless stand-in.
// A separate process (started by page-script.mjs) so the learner's page code never runs inside
// the harness. stdin: { scripts: string[], pageUrl }; stdout: { sockets: string[], errors: string[] }.
'use strict';
const vm = require('node:vm');

const STEP_MS = 500;

/** A value that is anything a script asks of it: callable, constructible, every property another such value. */
function anything() {
  return new Proxy(function () {}, {
    get: (target, key) => (key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : key === 'length' ? 0 : anything()),
    set: () => true,
    apply: () => anything(),
    construct: () => anything(),
  });
}

function run({ scripts, pageUrl }) {
  const sockets = [];
  const errors = [];
  const later = [];
  const listen = (type, callback) => {
    if (typeof callback === 'function' && /^(load|DOMContentLoaded|readystatechange)$/.test(String(type))) later.push(callback);
  };
  /** An object with some real members; anything else it is asked for is a stand-in. */
  const partly = (real) => new Proxy(real, { get: (target, key) => (key in target ? target[key] : typeof key === 'symbol' ? undefined : anything()), set: (target, key, value) => ((target[key] = value), true) });
  class WebSocket {
    constructor(url) {
      sockets.push(String(url instanceof URL ? url.href : url));
      return partly({ send() {}, close() {}, addEventListener() {}, readyState: 0 });
    }
  }
  Object.assign(WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
  const url = new URL(pageUrl);
  const location = partly({ href: url.href, protocol: url.protocol, host: url.host, hostname: url.hostname, port: url.port, pathname: url.pathname, search: url.search, hash: url.hash, origin: url.origin, toString: () => url.href });
  const document = partly({ addEventListener: listen, readyState: 'loading', location, URL: url.href });
  const timer = (callback) => {
    if (typeof callback === 'function') later.push(callback);
    return 0;
  };
  // A plain object, so the script still finds the language's own globals (Number, JSON, …);
  // the browser's are stand-ins.
  const globals = { location, document, WebSocket, URL, URLSearchParams, console: partly({}), addEventListener: listen, removeEventListener() {}, setTimeout: timer, setInterval: timer, clearTimeout() {}, clearInterval() {}, requestAnimationFrame: timer, fetch: () => new Promise(() => {}) };
  for (const name of ['navigator', 'localStorage', 'sessionStorage', 'history', 'performance', 'alert', 'confirm', 'Notification', 'EventSource', 'XMLHttpRequest', 'CustomEvent', 'Event', 'HTMLElement', 'customElements', 'matchMedia', 'getComputedStyle']) globals[name] = anything();
  const context = vm.createContext(globals);
  for (const name of ['window', 'self']) vm.runInContext(`var ${name} = globalThis;`, context);
  const attempt = (what) => {
    try {
      what();
    } catch (error) {
      errors.push(String((error && error.message) || error));
    }
  };
  for (const code of scripts) attempt(() => vm.runInContext(code, context, { timeout: STEP_MS }));
  const call = (callback) => {
    globals.__portsideCallback = callback;
    vm.runInContext('__portsideCallback()', context, { timeout: STEP_MS });
  };
  for (let i = 0; i < later.length && i < 50; i += 1) attempt(() => call(later[i]));
  if (Object.prototype.hasOwnProperty.call(globals, 'onload')) attempt(() => call(globals.onload));
  return { sockets, errors };
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  process.stdout.write(JSON.stringify(run(JSON.parse(input))));
  process.exit(0);
});
