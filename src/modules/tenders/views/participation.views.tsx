import type { FormState } from '../../../platform/http/forms.ts';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { Button, Csrf, ErrorSummary, TextArea } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import { QualificationPanel, type QualificationResult } from '../../sikap/index.ts';
import type { QuestionRow } from '../participation.repository.ts';

export function JoinView(props: {
  p: PageCtx;
  kode: string;
  nama: string;
  pakta: string;
  /** SIKaP's check of the requirements on the vendor's profile (null: no vendor profile). */
  qualification?: QualificationResult | null;
  state?: FormState;
}) {
  const { p, state } = props;
  return (
    <Layout p={p} title={p.t('tenders.join.title')} hasErrors={!!state && Object.keys(state.errors).length > 0}>
      <p>
        <a href={`/tender/${props.kode}`}>{props.nama}</a>
      </p>
      <h1>{p.t('tenders.join.title')}</h1>
      {state ? <ErrorSummary p={p} state={state} /> : null}
      {props.qualification ? <QualificationPanel p={p} result={props.qualification} /> : null}
      <form method="post" action={`/tender/${props.kode}/ikut`}>
        <Csrf p={p} />
        <h2>{p.t('tenders.join.pakta')}</h2>
        <p>{props.pakta}</p>
        <p>
          <label>
            <input type="checkbox" name="pakta" value="ya" /> {p.t('tenders.join.accept')}
          </label>
        </p>
        <Button>{p.t('tenders.join.submit')}</Button>
      </form>
    </Layout>
  );
}

export function QuestionList(props: { p: PageCtx; rows: readonly QuestionRow[]; pokja?: string }) {
  const { p } = props;
  if (props.rows.length === 0) return <p>{p.t('tenders.qa.none')}</p>;
  return (
    <ol class="questions">
      {props.rows.map((q) => (
        <li key={q.id}>
          <p>
            <strong>{p.t('tenders.qa.from')}:</strong> {q.vendorName ?? p.t('tenders.qa.anonymousVendor')}
            {q.anonymous && q.vendorName ? ` (${p.t('tenders.qa.anonymousMark')})` : ''} —{' '}
            {formatDateTime(q.askedAt, p.locale)}
          </p>
          <p>
            <strong>{p.t('tenders.qa.question')}:</strong> {q.question}
          </p>
          {q.answer ? (
            <p>
              <strong>{p.t('tenders.qa.answer')}:</strong> {q.answer}
            </p>
          ) : props.pokja ? (
            <form method="post" action={`/kelola/tender/${props.pokja}/pertanyaan/${q.id}/jawab`}>
              <Csrf p={p} />
              <p>
                <label for={`answer-${q.id}`}>{p.t('tenders.qa.answer')}</label>
                <textarea class="input" id={`answer-${q.id}`} name="answer" rows={3} required />
              </p>
              <Button>{p.t('tenders.qa.reply')}</Button>
            </form>
          ) : (
            <p>{p.t('tenders.qa.notAnswered')}</p>
          )}
        </li>
      ))}
    </ol>
  );
}

export function QuestionsView(props: {
  p: PageCtx;
  kode: string;
  nama: string;
  rows: readonly QuestionRow[];
  /** The Pemberian Penjelasan stage, when the tender has one: questions are taken only within it. */
  stage: { name: string; start: Date; end: Date } | null;
  state?: FormState;
}) {
  const { p, state } = props;
  return (
    <Layout p={p} title={p.t('tenders.qa.title')} hasErrors={!!state && Object.keys(state.errors).length > 0}>
      <p>
        <a href={`/tender/${props.kode}`}>{props.nama}</a>
      </p>
      <h1>{p.t('tenders.qa.title')}</h1>
      {props.stage ? (
        <p>
          {p.t('tenders.qa.window', {
            stage: props.stage.name,
            from: formatDateTime(props.stage.start, p.locale),
            to: formatDateTime(props.stage.end, p.locale),
          })}
        </p>
      ) : null}
      <QuestionList p={p} rows={props.rows} />
      <form method="post" action={`/tender/${props.kode}/penjelasan`}>
        {state ? <ErrorSummary p={p} state={state} /> : null}
        <Csrf p={p} />
        <TextArea p={p} name="question" label={p.t('tenders.qa.question')} rows={4} state={state} />
        <p>
          <label>
            <input type="checkbox" name="anonymous" value="ya" /> {p.t('tenders.qa.anonymous')}
          </label>
        </p>
        <Button>{p.t('tenders.qa.ask')}</Button>
      </form>
    </Layout>
  );
}
