import type { FastifyInstance } from 'fastify';

export async function vendorContractPages(_app: FastifyInstance) {}
