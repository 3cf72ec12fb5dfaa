// The backing service Run starts beside a backing-service lesson (lesson 9's quotes service), so
// the learner's app has something at its URL on Run as it has on Check: the same stub the check
// uses, as a program of its own. PORT is where it listens; UPSTREAM_BODY what it answers.
import { startStub } from './lib/stub-upstream.mjs';

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`stand-in upstream: PORT must be a port number, got ${JSON.stringify(process.env.PORT)}`);
  process.exit(2);
}
const body = process.env.UPSTREAM_BODY;
// The part of a check's context startStub uses: the lesson's body, a port, and teardown (ours is SIGTERM).
const stub = await startStub({ probe: body === undefined ? {} : { upstreamBody: body }, ports: { allocate: async () => port }, track: () => {} });
console.log(`stand-in upstream listening on ${stub.url}`);
process.on('SIGTERM', () => void stub.stop().then(() => process.exit(0)));
