import type { AuditSubscriber } from '../../../platform/module.ts';
import type { AuditAction } from '../../../registry.ts';
import { publicationOf } from '../ocds.ts';
import { publishRelease } from '../publish.ts';
import {
  awardReceived,
  awardRefused,
  bastRecorded,
  contractAmended,
  contractSigned,
  contractTerminated,
  fhoRecorded,
  paymentRecorded,
  spmkIssued,
} from './contract.ts';
import type { Mapper } from './mapper.ts';
import { rupAnnounced, rupRevised } from './planning.ts';
import {
  awardAnnounced,
  awardDecided,
  bandingAnswered,
  bandingFiled,
  bidsOpened,
  sanggahAnswered,
  sanggahFiled,
  tenderAddendumPublished,
  tenderAnnounced,
  tenderCancelled,
  tenderFailed,
  tenderScheduleChanged,
} from './tender.ts';

/**
 * The public events and the mapper of each (docs/notes/ocds.md has the table). Publishing a new event is one mapper
 * function and one line here: award, contract and implementation events join as their modules record them.
 */
export const MAPPERS: { [A in AuditAction]?: Mapper<A> } = {
  'rup.announced': rupAnnounced,
  'rup.revised': rupRevised,
  'tender.announced': tenderAnnounced,
  'tender.schedule_changed': tenderScheduleChanged,
  'tender.addendum_published': tenderAddendumPublished,
  'tender.failed': tenderFailed,
  'tender.cancelled': tenderCancelled,
  'bids.opened': bidsOpened,
  'evaluation.award_decided': awardDecided,
  'opendata.award_announced': awardAnnounced,
  'evaluation.sanggah_filed': sanggahFiled,
  'evaluation.sanggah_answered': sanggahAnswered,
  'evaluation.banding_filed': bandingFiled,
  'evaluation.banding_answered': bandingAnswered,
  'contract.award_received': awardReceived,
  'contract.sppbj_refused': awardRefused,
  'contract.signed': contractSigned,
  'contract.spmk_issued': spmkIssued,
  'contract.addendum_added': contractAmended,
  'contract.payment_recorded': paymentRecorded,
  'contract.bast_recorded': bastRecorded,
  'contract.fho_recorded': fhoRecorded,
  'contract.terminated': contractTerminated,
};

/** Each mapper as an audit subscriber: map, then write the release in the event's transaction. */
export function releaseSubscribers(): Record<string, AuditSubscriber> {
  const out: Record<string, AuditSubscriber> = {};
  for (const [action, mapper] of Object.entries(MAPPERS) as [string, Mapper<AuditAction>][]) {
    out[action] = async (tx, event, ctx) => {
      const draft = await mapper(tx, event as never, publicationOf(ctx));
      if (draft) await publishRelease(tx, draft, { auditSeq: event.seq, action: event.action });
    };
  }
  return out;
}
