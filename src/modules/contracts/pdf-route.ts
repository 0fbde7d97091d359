import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../platform/errors.ts';
import type { ContractCase } from './contracts.repository.ts';
import { type ContractDoc, contractPdf } from './pdf.ts';

/** Sends one contract document as PDF (inline), or 404 while its step has not happened. */
export async function sendContractPdf(req: FastifyRequest, reply: FastifyReply, c: ContractCase, doc: ContractDoc) {
  const pdf = await contractPdf(c, doc, { lpseName: req.ctx.config.lpseName, baseUrl: req.ctx.config.baseUrl });
  if (!pdf) throw notFound('contracts.error.notFound');
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${doc}-${c.tenderKode ?? c.award.tenderId}.pdf"`)
    .send(pdf);
}
