import { expect, test } from 'vitest';
import { pythonPorts } from './python-ports.mjs';

test('finds fixed ports in Python, not the defaults after PORT is read', () => {
  const code = [
    'server = ThreadingHTTPServer(("127.0.0.1", 8000), Handler)',
    'admin.bind(("", 9001))',
    'app.run(host=HOST, port=5001)',
    'port = int(os.environ.get("PORT") or 5000)',
    'port = int(os.environ.get("PORT", 5000))',
    '# server = HTTPServer(("", 7000), Handler)',
  ].join('\n');
  const { literals, numbers } = pythonPorts('server.py', code);
  expect(literals.map((l) => [l.port, l.line])).toEqual([[8000, 1], [9001, 2], [5001, 3]]);
  expect(literals[0]).toMatchObject({ file: 'server.py', column: 44, snippet: 'server = ThreadingHTTPServer(("127.0.0.1", 8000), Handler)' });
  expect(numbers).toEqual(expect.arrayContaining([8000, 9001, 5001, 5000]));
});
