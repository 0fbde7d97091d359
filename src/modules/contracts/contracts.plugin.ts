import type { FastifyInstance } from 'fastify';
import { contractPages } from './pages/ppk.pages.ts';
import { vendorContractPages } from './pages/vendor.pages.ts';

/** The PPK's contract pages (/kelola/kontrak) and the vendor's (/kontrak-saya). */
export async function contractsPlugin(app: FastifyInstance) {
  await app.register(contractPages);
  await app.register(vendorContractPages);
}
