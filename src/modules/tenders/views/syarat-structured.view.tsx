import type { FormState } from '../../../platform/http/forms.ts';
import { TextArea, TextField } from '../../../platform/ui/form.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';

/** The optional structured requirements on the publication form (what SIKaP checks automatically, issue 10). */
export function StructuredSyaratFields(props: { p: PageCtx; state?: FormState }) {
  const { p, state } = props;
  return (
    <fieldset class="fieldset">
      <legend>{p.t('sikap.syarat.legend')}</legend>
      <p class="hint">{p.t('sikap.syarat.intro')}</p>
      <TextField
        p={p}
        state={state}
        name="izinJenis"
        label={p.t('sikap.syarat.izinJenis')}
        hint={p.t('sikap.syarat.izinJenisHint')}
        optional
      />
      <TextField
        p={p}
        state={state}
        name="sbuSubklasifikasi"
        label={p.t('sikap.syarat.sbuSubklasifikasi')}
        hint={p.t('sikap.syarat.sbuSubklasifikasiHint')}
        optional
      />
      <TextField
        p={p}
        state={state}
        name="sbuKualifikasi"
        label={p.t('sikap.syarat.sbuKualifikasi')}
        hint={p.t('sikap.syarat.sbuKualifikasiHint')}
        optional
      />
      <TextField
        p={p}
        state={state}
        name="pengalamanJumlah"
        label={p.t('sikap.syarat.pengalamanJumlah')}
        inputMode="numeric"
        width="short"
        optional
      />
      <TextField
        p={p}
        state={state}
        name="pengalamanNilai"
        label={p.t('sikap.syarat.pengalamanNilai')}
        inputMode="numeric"
        optional
      />
      <TextField
        p={p}
        state={state}
        name="pengalamanTahun"
        label={p.t('sikap.syarat.pengalamanTahun')}
        inputMode="numeric"
        width="short"
        optional
      />
      <TextArea
        p={p}
        state={state}
        name="tenagaAhliSyarat"
        label={p.t('sikap.syarat.tenagaAhli')}
        hint={p.t('sikap.syarat.tenagaAhliHint')}
        optional
        rows={3}
      />
      <TextArea
        p={p}
        state={state}
        name="peralatanSyarat"
        label={p.t('sikap.syarat.peralatan')}
        hint={p.t('sikap.syarat.peralatanHint')}
        optional
        rows={3}
      />
    </fieldset>
  );
}
