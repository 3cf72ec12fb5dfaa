/** Lesson markdown → HTML, with code blocks highlighted by highlight.js (classes, no inline styles). */
import { Marked } from 'marked';
import hljs from 'highlight.js/lib/common';

const marked = new Marked({
  renderer: {
    code({ text, lang }) {
      const language = lang && hljs.getLanguage(lang) ? lang : 'plaintext';
      const html = hljs.highlight(text, { language }).value;
      return `<pre><code class="hljs language-${language}">${html}</code></pre>\n`;
    },
  },
});

export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
