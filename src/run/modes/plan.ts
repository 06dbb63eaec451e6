// mode plan: the rotations of a config as a matrix for `strategy.matrix`, so a workflow can spread a large
// config over parallel jobs, each passing its entry's name as `only`. Touches no API.

import type { RunSpec } from '../../core/spec.js';
import type { RunReport } from '../report.js';
import { cell, code } from '../summary.js';

export interface PlanEntry {
  name: string;
  label: string;
  kind: string;
  targets: number;
}

export function planMatrix(spec: RunSpec): { include: PlanEntry[] } {
  return {
    include: spec.rotations.map((r) => ({
      name: r.name ?? r.label,
      label: r.label,
      kind: r.kind,
      targets: r.targets.length,
    })),
  };
}

export function planSummary(matrix: { include: PlanEntry[] }): string {
  const rows = matrix.include.map((e) => `| ${code(e.name)} | ${cell(e.label)} | ${e.targets} |`);
  return [
    `### Fly token rotation plan: ${matrix.include.length} rotation(s)`,
    '',
    '| Name | Rotation | Targets |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** The whole report of a plan run: the matrix as output `matrix`, and a summary table. */
export function planReport(spec: RunSpec): RunReport {
  const matrix = planMatrix(spec);
  return { outcomes: [], outputs: { matrix: JSON.stringify(matrix) }, summary: planSummary(matrix) };
}
