import type { FastifyReply, FastifyRequest } from 'fastify';

/** The cookie holding the CSRF secret (@fastify/csrf-protection, cookie mode); tokens in forms are derived from it. */
export const CSRF_COOKIE = 'lpse_csrf';

/**
 * A new CSRF secret at every change of who is signed in (login, logout): a token seen before sign-in, or by the
 * previous person at this browser, must not be accepted afterwards. The cookie is cleared and dropped from this
 * request, so the next page that renders a form draws a fresh secret.
 */
export function rotateCsrfSecret(req: FastifyRequest, reply: FastifyReply) {
  delete req.cookies[CSRF_COOKIE];
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
