import type { FastifyInstance } from 'fastify';
import { sulapPages } from './pages/sulap.pages.ts';

/** SULAP pages: the package list, the new-package form, the package page with its forms, the confidential download. */
export async function sulapPlugin(app: FastifyInstance) {
  await app.register(sulapPages);
}
