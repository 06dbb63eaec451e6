export interface YamlBlock {
  /** Line of the Markdown file the block's first YAML line is on (1-based). */
  line: number;
  text: string;
}
export function yamlBlocks(markdown: string): YamlBlock[];
export function asWorkflow(text: string): { text: string; header: number } | undefined;
