// The rule catalogue: stable ids that lessons reference. Each rule's implementation lives in
// probes/rules/<id>.mjs. Plain ESM with no dependencies: this file is copied into sandboxes.

/** @type {Record<string, string>} rule id → what passing means, in one line. */
export const RULES = {
  'responds-http': 'Started with PORT=p, the server answers an HTTP request on p with a 2xx.',
  'uses-env-port': 'Started with PORT=p, it listens on p and on no other port.',
  'no-hardcoded-port': 'Started again with another PORT=q, it listens on q.',
  'default-port': "With PORT unset, it listens on the lesson's documented development default.",
  'rejects-bad-port': 'With PORT set to abc, -1 or 70000, it exits non-zero naming PORT and listens nowhere.',
  'binds-host-from-env': 'HOST=0.0.0.0 binds all interfaces, HOST=127.0.0.1 only loopback, unset the default.',
  'declares-server-dependency': 'Every non-built-in package it imports is declared in package.json dependencies.',
  'websocket-echo': 'A WebSocket client on the same PORT as HTTP gets its message echoed.',
  'tcp-protocol': "A raw TCP client speaking the lesson's protocol gets correct replies.",
  'port-in-use': 'When PORT is already taken, it exits non-zero within 3 s naming the port.',
  'backing-service-url': 'It calls the upstream URL given in the environment, and follows it when it moves.',
  'multiple-instances': 'Three instances started at once on three ports all answer, each on its own port.',
  'graceful-shutdown': 'On SIGTERM it stops accepting, finishes the request in flight, and exits 0 within 3 s.',
};

export const RULE_IDS = Object.keys(RULES);
