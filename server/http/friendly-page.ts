/** What the preview shows when nothing of the learner's is listening on the port it points at. */

export function nothingListeningPage(port: number): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Nothing on port ${port}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; color: #334; margin: 2.5rem; }
  h1 { font-size: 1.2rem; }
  code { background: #eef; padding: 0 .25em; border-radius: 3px; }
</style></head>
<body>
  <h1>Nothing is listening on port ${port} in your Portside session — press Run</h1>
  <p>The preview shows what your server answers on port <code>${port}</code>. Either it has not
  started yet, it stopped, or it is listening on a different port than the one in
  <code>process.env.PORT</code>. The terminal shows what happened.</p>
</body>
</html>
`;
}
