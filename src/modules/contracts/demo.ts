import type { DemoContext } from '../../platform/module.ts';

export async function loadContractsDemo(_ctx: DemoContext): Promise<void> {}
