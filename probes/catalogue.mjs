// The rule catalogue: stable ids that lessons reference, and what each rule promises, how it
// observes the learner's server, and which lesson probe options it cannot run without. The lesson
// schema (contracts/lesson-schema.ts) and the Check UI read this; each rule's implementation lives
// in probes/rules/<id>.mjs. Plain ESM with no dependencies: this file is copied into sandboxes.

/** @typedef {import('./catalogue.mjs').RuleDescription} RuleDescription */

/** @type {Readonly<Record<string, RuleDescription>>} */
export const CATALOGUE = {
  'responds-http': {
    promise: 'Started with PORT=p, the server answers an HTTP request on p with a 2xx.',
    via: 'http',
    needs: [],
  },
  'uses-env-port': {
    promise: "Started with PORT=p, it listens on p and on no other port — TCP, UDP or the inspector's, in any process or thread, watched 2.5 s after start-up.",
    via: 'process',
    needs: [],
  },
  'no-hardcoded-port': {
    promise: 'Started again with another PORT=q, it listens on q.',
    via: 'process',
    needs: [],
  },
  'default-port': {
    promise: "With PORT unset, it listens on the lesson's documented development default.",
    via: 'process',
    needs: ['defaultPort'],
  },
  'rejects-bad-port': {
    promise: "With PORT set to abc, -1 or 70000, it exits non-zero within 3 s with a message of its own naming PORT (not Node's stack trace), and listens nowhere.",
    via: 'process',
    needs: [],
  },
  'binds-host-from-env': {
    promise: 'HOST=0.0.0.0 binds all interfaces, HOST=127.0.0.1 only loopback, unset the default.',
    via: 'process',
    needs: ['defaultHost'],
  },
  'declares-server-dependency': {
    promise: 'Every non-built-in package it imports is declared in package.json dependencies.',
    via: 'source',
    needs: [],
  },
  'websocket-echo': {
    promise: "The page's own script opens its WebSocket on the page's host and port, and several messages sent there are echoed.",
    via: 'websocket',
    needs: [],
  },
  'tcp-protocol': {
    promise: "A raw TCP client speaking the lesson's protocol gets correct replies, also for a missing key, a command split across writes, and pipelined commands.",
    via: 'tcp',
    needs: [],
  },
  'port-in-use': {
    promise: 'When PORT is already taken, it exits non-zero within 3 s of its first listen() with one line naming the port, not a stack trace.',
    via: 'process',
    needs: [],
  },
  'backing-service-url': {
    promise: 'It calls the upstream URL given in the environment while answering, follows it when it moves, and with it unset says none is configured.',
    via: 'http',
    needs: ['upstreamEnv'],
  },
  'multiple-instances': {
    promise: 'Three instances started at once on three ports all answer, each on its own port.',
    via: 'http',
    needs: [],
  },
  'graceful-shutdown': {
    promise: 'On SIGTERM it stops accepting, finishes the requests in flight (keep-alive too), and exits 0 within 3 s.',
    via: 'process',
    needs: ['slowPath'],
  },
};

/** @type {Readonly<Record<string, string>>} rule id → what passing means, in one line. */
export const RULES = Object.fromEntries(Object.entries(CATALOGUE).map(([id, rule]) => [id, rule.promise]));

export const RULE_IDS = Object.keys(CATALOGUE);
