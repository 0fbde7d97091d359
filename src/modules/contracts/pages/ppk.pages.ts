import type { FastifyInstance } from 'fastify';

export async function contractPages(_app: FastifyInstance) {}
