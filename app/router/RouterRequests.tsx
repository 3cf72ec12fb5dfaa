/** The requests that went through the router, newest first, in the words of the router's log. */
import { describeEntry } from './router-log.ts';
import type { RoutedRequest } from './router-state.ts';

interface Props {
  requests: readonly RoutedRequest[];
  /** All requests so far; the list keeps only the latest. */
  total: number;
}

export function RouterRequests({ requests, total }: Props) {
  return (
    <div className="router-requests" role="log" aria-label="Requests through the router">
      {requests.length === 0 ? (
        <p className="router-requests__empty">No requests yet. Each load of the preview goes through the router; reload it to see the next instance answer.</p>
      ) : (
        <ol className="router-requests__list">
          {requests.map((request) => (
            <li key={request.id} className={`router-request router-request--${toneOf(request)}`}>
              {describeEntry(request)}
            </li>
          ))}
        </ol>
      )}
      {total > requests.length && <p className="router-requests__more">and {total - requests.length} earlier (see the terminal)</p>}
    </div>
  );
}

function toneOf(request: RoutedRequest): 'ok' | 'skipped' | 'failed' {
  if (request.kind === 'refused') return 'skipped';
  if (request.kind === 'served' && request.status < 500) return 'ok';
  return 'failed';
}
