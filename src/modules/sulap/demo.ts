import type { DemoContext } from '../../platform/module.ts';

export async function loadSulapDemo(_ctx: DemoContext) {}
