// responds-http: started with PORT=p, the server answers an HTTP GET on p with a 2xx (and a body
// matching probe.bodyPattern when the lesson sets one).
import { connectHost } from '../lib/observer-log.mjs';
import { curlFor, describeResponse } from '../lib/http-client.mjs';
import { notListening, observedLines } from '../lib/explain.mjs';
import { describeExit, result, runDetails } from '../lib/results.mjs';
import { requestOnce } from '../lib/request-once.mjs';

export default {
  id: 'responds-http',
  kind: 'main',
  async check(ctx, { run, port, ready }) {
    const { path, bodyPattern } = ctx.probe;
    if (ready.state !== 'listening') return notListening(ctx, this.id, run, port, ready, { extra: { curl: curlFor(port, path) } });
    const { response, exit } = await requestOnce(run, { host: connectHost(ready.server?.listening?.address), port, path });
    const details = () => ({ ...runDetails(run), curl: curlFor(port, path), observed: [describeResponse(response), ...observedLines(run.summary())] });
    if (exit) {
      return result(this.id, 'fail', `Your server crashed while answering GET ${path}: it ${describeExit(exit)}.`, { ...details(), crashed: true, expected: 'an answer with a 2xx status' });
    }
    if (response.error?.code === 'ETIMEDOUT') {
      return result(this.id, 'fail', `GET ${path} on port ${port} got no answer within 5 s: your server took the connection but never responded (a handler that never ends the response, or a loop that blocks).`, { ...details(), expected: 'an answer with a 2xx status' });
    }
    if (response.error) {
      return result(this.id, 'fail', `GET ${path} on port ${port} got no answer: ${response.error.message}.`, { ...details(), expected: 'an answer with a 2xx status' });
    }
    if (response.status < 200 || response.status > 299) {
      return result(this.id, 'fail', `GET ${path} on port ${port} answered ${response.status}; a 2xx status was expected.`, { ...details(), expected: 'a 2xx status' });
    }
    if (bodyPattern && !new RegExp(bodyPattern).test(response.body ?? '')) {
      return result(this.id, 'fail', `GET ${path} answered ${response.status}, but the body does not match /${bodyPattern}/.`, { ...details(), expected: `a body matching /${bodyPattern}/` });
    }
    return result(this.id, 'pass', `Answered GET ${path} on PORT=${port} with ${response.status}.`, details());
  },
};
