// Every rule of the catalogue, by id. A rule is { id, kind, check }:
//   kind 'static'  — reads the files only; never waits for the server.
//   kind 'main'    — probes the shared main run (PORT=p), one rule at a time, in lesson order.
//   kind 'run'     — starts its own runs; independent rules run in parallel. `last: true` runs
//                    after every other run is gone (default-port uses a fixed port).
import { RULE_IDS } from '../catalogue.mjs';
import backingServiceUrl from './backing-service-url.mjs';
import bindsHostFromEnv from './binds-host-from-env.mjs';
import declaresServerDependency from './declares-server-dependency.mjs';
import defaultPort from './default-port.mjs';
import gracefulShutdown from './graceful-shutdown.mjs';
import multipleInstances from './multiple-instances.mjs';
import noHardcodedPort from './no-hardcoded-port.mjs';
import portInUse from './port-in-use.mjs';
import rejectsBadPort from './rejects-bad-port.mjs';
import respondsHttp from './responds-http.mjs';
import tcpProtocol from './tcp-protocol.mjs';
import usesEnvPort from './uses-env-port.mjs';
import websocketEcho from './websocket-echo.mjs';

const ALL = [respondsHttp, usesEnvPort, noHardcodedPort, defaultPort, rejectsBadPort, bindsHostFromEnv, declaresServerDependency, websocketEcho, tcpProtocol, portInUse, backingServiceUrl, multipleInstances, gracefulShutdown];

export const RULES = Object.fromEntries(ALL.map((rule) => [rule.id, rule]));

for (const id of RULE_IDS) if (!RULES[id]) throw new Error(`rule ${id} has no implementation`);
