// The HTML around the quote. Nothing here knows where the quote comes from.

/** Makes text safe to put inside HTML: a quote may well contain < or &. */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function page(content) {
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Front page</title>
<style>body { font: 18px/1.5 Georgia, serif; margin: 3rem auto; max-width: 36rem; }</style>
<h1>Quote of the day</h1>
${content}
</html>`;
}
