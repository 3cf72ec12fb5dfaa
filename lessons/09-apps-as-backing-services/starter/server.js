import http from 'node:http';
import { escapeHtml, page } from './page.js';

const port = Number(process.env.PORT ?? 5000);

// The quotes service runs on the same box as us, so it is always right here.
const quotesUrl = 'http://localhost:4000';

/** Asks the quotes service for a random quote: { text, author }. */
async function randomQuote() {
  const response = await fetch(`${quotesUrl}/random`, { signal: AbortSignal.timeout(2000) });
  if (!response.ok) throw new Error(`it answered ${response.status}`);
  return response.json();
}

const server = http.createServer(async (request, response) => {
  let content;
  try {
    const quote = await randomQuote();
    content = `<blockquote>${escapeHtml(quote.text)}</blockquote><p>— ${escapeHtml(quote.author)}</p>`;
  } catch (error) {
    // The page still works without its quote; it says why the quote is missing.
    content = `<p>No quote today: the quotes service at ${escapeHtml(quotesUrl)} did not answer (${escapeHtml(error.cause?.code ?? error.message)}).</p>`;
  }
  response.setHeader('content-type', 'text/html; charset=utf-8');
  response.end(page(content));
});

server.listen(port, () => {
  console.log(`front page listening on port ${port}, quotes from ${quotesUrl}`);
});
