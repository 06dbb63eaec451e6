// Small POSIX-style word splitter for `--command "ls -la"` style inputs.

/** Split a command line into words: whitespace separates, quotes group, backslash escapes. */
export function shellSplit(input: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '' | "'" | '"' = '';
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quote === "'") {
      if (ch === "'") quote = '';
      else cur += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = '';
      else if (ch === '\\' && i + 1 < input.length && '"\\$`\n'.includes(input[i + 1]!)) cur += input[++i];
      else cur += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\') {
      if (i + 1 >= input.length) throw new Error('shellSplit: trailing backslash');
      cur += input[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (quote) throw new Error('shellSplit: unterminated quote');
  if (inWord) words.push(cur);
  return words;
}
