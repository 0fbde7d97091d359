import type { DemoContext } from '../../platform/module.ts';

/** Demo data: see docs/notes/eval.md (filled in below once the tender demo's helpers allow it). */
export async function loadEvaluationDemo(_ctx: DemoContext): Promise<void> {}
