/**
 * The routing layer, live (lesson "Behind the router"): what the router and each instance are
 * doing, and which instance answered each request. Requests are a log, so screen readers hear
 * them arrive; the instances say in words why one of them is not serving.
 */
import '../styles/router.css';
import type { RouterState } from './router-state.ts';
import { instanceSentence, routerSentence } from './router-words.ts';
import { RouterRequests } from './RouterRequests.tsx';

interface Props {
  router: RouterState;
}

export function RouterPanel({ router }: Props) {
  const head = routerSentence(router);
  return (
    <section className="router-panel" aria-label="Router">
      <p className={`router-line router-line--${head.tone}`}>
        <span className="router-line__dot" aria-hidden="true" />
        {head.text}
      </p>
      <ul className="router-instances" aria-label="Instances">
        {router.instances.map((instance) => {
          const sentence = instanceSentence(router, instance);
          return (
            <li key={instance.number} className={`router-line router-line--${sentence.tone}`}>
              <span className="router-line__dot" aria-hidden="true" />
              {sentence.text}
              {instance.served > 0 && <span className="router-instances__served"> · served {instance.served}</span>}
            </li>
          );
        })}
      </ul>
      <RouterRequests requests={router.requests} total={router.total} />
    </section>
  );
}
