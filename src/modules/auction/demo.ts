import type { DemoContext } from '../../platform/module.ts';

/** Demo data of the seleksi scoring and the reverse auction (filled in below). */
export async function loadAuctionDemo(_ctx: DemoContext): Promise<void> {}
