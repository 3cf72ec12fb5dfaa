/**
 * What the learner types into the terminal. The process reads stdin through a pipe, not a
 * terminal, so nothing would echo the keys and no one would handle Backspace: this is the small
 * line discipline a terminal would provide. Lines go to stdin on Enter; Ctrl+C asks to stop.
 */
export interface LineInputResult {
  /** Text to show in the terminal right away. */
  echo: string;
  /** Complete lines to send to the process's stdin, each ending in "\n". */
  lines: string[];
  /** True when the learner pressed Ctrl+C. */
  interrupt: boolean;
}

const ESCAPE_SEQUENCE = /^\x1b(\[[0-9;?]*[ -/]*[@-~]|O.|.)?/;

export class LineInput {
  private line = '';

  handle(data: string): LineInputResult {
    const result: LineInputResult = { echo: '', lines: [], interrupt: false };
    let rest = data;
    while (rest) {
      if (rest.startsWith('\x1b')) {
        // Arrow keys and friends: there is no line editing or history to move through.
        rest = rest.slice(ESCAPE_SEQUENCE.exec(rest)?.[0].length ?? 1);
        continue;
      }
      const char = String.fromCodePoint(rest.codePointAt(0) ?? 0);
      rest = rest.slice(char.length);
      this.apply(char, result);
    }
    return result;
  }

  private apply(char: string, result: LineInputResult): void {
    if (char === '\r' || char === '\n') {
      result.lines.push(this.line + '\n');
      result.echo += '\r\n';
      this.line = '';
    } else if (char === '\x7f' || char === '\b') {
      const chars = [...this.line];
      if (chars.length === 0) return;
      chars.pop();
      this.line = chars.join('');
      result.echo += '\b \b';
    } else if (char === '\x03') {
      result.interrupt = true;
      result.echo += '^C\r\n';
      this.line = '';
    } else if (char >= ' ' || char === '\t') {
      this.line += char;
      result.echo += char;
    }
  }
}
