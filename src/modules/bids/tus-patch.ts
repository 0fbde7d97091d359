import type { Locker } from '@tus/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import type { Admission } from './admission.ts';
import type { OwnUpload } from './commands/upload.ts';
import type { BidFileStore } from './storage.ts';

/**
 * The tus PATCH (core protocol 1.0.0) for sealed bids, served by us rather than by `@tus/server`, which keeps creation,
 * HEAD, termination and OPTIONS. Why: `@tus/server` 2 turns every request body into a web stream and back into a node
 * stream (srvx's NodeRequest, `Readable.fromWeb`, a PassThrough and a limiter) before the store sees a byte; at the
 * deadline surge (300 vendors × 20 MB, issue 11) those hops cost more CPU than writing and hashing the bytes. Here the
 * request streams straight into `BidFileStore.write` (SHA-256 on the way, flushed before the answer).
 *
 * The protocol kept: `Tus-Resumable: 1.0.0`, `Content-Type: application/offset+octet-stream`, `Upload-Offset` equal
 * to the bytes on disk (else 409, and the client asks HEAD and resumes), the upload's own lock (the same `Locker` as
 * `@tus/server`: a newer PATCH of the same upload makes a stalled one let go), `Upload-Offset` in the 204. One
 * narrowing: a PATCH declares its `Content-Length` (every browser and tus-js-client does), so a body can never run past
 * the declared size — Node's HTTP parser delivers exactly that many bytes.
 */
export const TUS_VERSION = '1.0.0';

export interface PatchDeps {
  store: BidFileStore;
  locker: Locker;
  /** How many bodies stream at once; a PATCH that brings the last byte goes first (admission.ts says why). */
  admission: Admission;
  /** The upload's owner and state are checked before a byte is read (`assertOwnUpload`). */
  authorize: (req: FastifyRequest, uploadId: string) => Promise<OwnUpload>;
  /** The last byte is in: the bid is checked and receipted, or refused; the headers go into the 204. */
  finish: (req: FastifyRequest, upload: OwnUpload, file: string) => Promise<Record<string, string>>;
}

type TusCode =
  | 'TUS_VERSION_UNSUPPORTED'
  | 'TUS_CONTENT_TYPE'
  | 'TUS_LENGTH_REQUIRED'
  | 'TUS_LOCKED'
  | 'TUS_OFFSET_CONFLICT'
  | 'TUS_ABORTED';
const protocolError = (status: number, code: TusCode) => new AppError(code, status, `bids.tus.${code}`);

export function tusPatchHandler(deps: PatchDeps) {
  const patch = patchBid(deps);
  return async (req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    reply.header('tus-resumable', TUS_VERSION);
    try {
      return await patch(req, reply);
    } catch (e) {
      // Answered as @tus/server's hooks answer (the bid page shows its message): the API's error body, whatever Accept.
      if (!(e instanceof AppError)) throw e;
      return reply
        .code(e.status)
        .type('application/json; charset=utf-8')
        .send({ error: { code: e.code, message: req.ctx.t(e.messageKey, e.params) } });
    }
  };
}

function patchBid({ store, locker, admission, authorize, finish }: PatchDeps) {
  return async (req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    if (req.headers['tus-resumable'] !== TUS_VERSION) {
      reply.header('tus-version', TUS_VERSION);
      throw protocolError(412, 'TUS_VERSION_UNSUPPORTED');
    }
    if (req.headers['content-type'] !== 'application/offset+octet-stream') throw protocolError(415, 'TUS_CONTENT_TYPE');
    const offsetHeader = String(req.headers['upload-offset'] ?? '');
    if (!/^\d{1,15}$/.test(offsetHeader)) throw badRequest('TUS_OFFSET_INVALID', 'bids.tus.TUS_OFFSET_INVALID');
    const lengthHeader = String(req.headers['content-length'] ?? '');
    if (!/^\d{1,15}$/.test(lengthHeader)) throw protocolError(411, 'TUS_LENGTH_REQUIRED');
    if (req.headers['upload-length'] !== undefined) throw badRequest('TUS_LENGTH_FIXED', 'bids.tus.TUS_LENGTH_FIXED');
    const id = req.params.id;
    if (!store.validId(id)) throw notFound('bids.error.uploadNotFound');
    const own = await authorize(req, id);

    const stop = new AbortController();
    const onClose = () => stop.abort();
    req.raw.once('close', onClose);
    let leave: () => void;
    try {
      leave = await admission.enter(Number(offsetHeader) + Number(lengthHeader) === own.declaredSize, stop.signal);
    } catch {
      req.raw.off('close', onClose);
      throw protocolError(400, 'TUS_ABORTED');
    }
    const lock = locker.newLock(id);
    try {
      // A newer PATCH of the same upload (a client that reconnected) asks this one to let go: stop reading; what
      // reached the disk stays and the newer PATCH continues from there.
      await lock.lock(stop.signal, () => {
        req.raw.destroy();
      });
    } catch {
      req.raw.off('close', onClose);
      leave();
      throw protocolError(423, 'TUS_LOCKED');
    }
    let offset: number;
    let size: number | undefined;
    try {
      const upload = await store.getUpload(id).catch(() => {
        throw notFound('bids.error.uploadNotFound');
      });
      size = upload.size;
      if (upload.offset !== Number(offsetHeader)) throw protocolError(409, 'TUS_OFFSET_CONFLICT');
      if (size === undefined || upload.offset + Number(lengthHeader) > size)
        throw new AppError('FILE_TOO_LARGE', 413, 'bids.tus.FILE_TOO_LARGE');
      offset = await store.write(req.raw, id, upload.offset).catch((e) => {
        // The client went away before a byte reached the disk: nothing to answer, nothing lost.
        if (req.raw.destroyed || stop.signal.aborted) throw protocolError(400, 'TUS_ABORTED');
        throw e;
      });
    } finally {
      req.raw.off('close', onClose);
      leave();
      await lock.unlock();
    }
    reply.header('upload-offset', String(offset));
    if (offset === size) {
      const lastByte = reply.elapsedTime;
      reply.headers(await finish(req, own, store.path(id)));
      // How long the server took from the request to the receipt, and how much of it after the last byte (W3C
      // Server-Timing): what the deadline-surge bench reports, apart from the waits of its own uploading clients.
      const ms = (n: number) => n.toFixed(1);
      reply.header(
        'server-timing',
        `total;dur=${ms(reply.elapsedTime)}, receipt;dur=${ms(reply.elapsedTime - lastByte)}`,
      );
    }
    return reply.code(204).send();
  };
}
