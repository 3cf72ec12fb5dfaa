/**
 * Hints are short strings from the lesson's frontmatter, where `backticks` mark code.
 * They are split into parts and rendered as text and <code> nodes — never as HTML.
 */
export interface HintPart {
  code: boolean;
  text: string;
}

export function hintParts(hint: string): HintPart[] {
  const parts: HintPart[] = [];
  hint.split('`').forEach((text, index, all) => {
    // An unmatched last backtick is shown as it is, not as the start of code.
    const code = index % 2 === 1 && index < all.length - 1;
    const shown = index % 2 === 1 && !code ? '`' + text : text;
    if (shown) parts.push({ code, text: shown });
  });
  return parts;
}
