import { error, fail } from '@sveltejs/kit';
import {
  canOpenMonev,
  canReportProgress,
  checkEvidenceFile,
  dateInZone,
  MONEV_FORBIDDEN,
  parseReportForm,
} from '#lib/monitoring.ts';
import type { ReportFormErrors, ReportFormField } from '#lib/monitoring.ts';
import { roleKeyOf } from '#lib/roles.ts';
import { saveInterventionReport } from '#lib/server/monitoring.ts';
import { readMonevPage } from '#lib/server/monitoring-page.ts';
import { loadFromDirectus } from '#lib/server/page-errors.ts';
import { requireSession } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { user, directus } = requireSession(locals, url);
  if (!canOpenMonev(roleKeyOf(user.role))) error(403, MONEV_FORBIDDEN);
  const page = await loadFromDirectus(url, () =>
    readMonevPage(directus, user, url.searchParams, dateInZone(new Date())),
  );
  return { page };
};

const FIELDS: readonly ReportFormField[] = ['intervensi', 'triwulan', 'kemajuan', 'realisasi', 'catatan'];
const NO_ERRORS: ReportFormErrors = {};

/** The evidence file of the form, when one was chosen. */
function evidenceOf(form: FormData): File | null {
  const value = form.get('bukti');
  return value instanceof File && value.size > 0 ? value : null;
}

export const actions: Actions = {
  lapor: async ({ locals, url, request }) => {
    const { user, directus } = requireSession(locals, url);
    const form = await request.formData();
    const values = Object.fromEntries(
      FIELDS.map((field) => [field, String(form.get(field) ?? '')]),
    ) as Record<ReportFormField, string>;
    if (!canReportProgress(roleKeyOf(user.role))) {
      return fail(403, {
        ok: false,
        values,
        errors: NO_ERRORS,
        message:
          'Laporan triwulan diisi oleh perangkat daerah pelaksana atau perencana; peran Anda hanya dapat membacanya.',
      });
    }
    const parsed = parseReportForm(values);
    const evidence = evidenceOf(form);
    const evidenceProblem = evidence === null ? null : checkEvidenceFile(evidence);
    if (!parsed.ok || evidenceProblem !== null) {
      const errors: ReportFormErrors = {
        ...(parsed.ok ? {} : parsed.errors),
        ...(evidenceProblem === null ? {} : { bukti: evidenceProblem }),
      };
      return fail(400, { ok: false, values, errors, message: 'Periksa isian yang ditandai.' });
    }
    const outcome = await loadFromDirectus(url, () =>
      saveInterventionReport(directus, parsed.value, evidence),
    );
    if (!outcome.ok)
      return fail(outcome.status, { ok: false, values, errors: NO_ERRORS, message: outcome.message });
    const quarter = ['I', 'II', 'III', 'IV'][parsed.value.quarter - 1] ?? String(parsed.value.quarter);
    const saved =
      outcome.action === 'created'
        ? `Laporan triwulan ${quarter} untuk intervensi #${parsed.value.intervention} tersimpan`
        : `Laporan triwulan ${quarter} untuk intervensi #${parsed.value.intervention} diperbarui (menggantikan laporan sebelumnya)`;
    if (typeof outcome.evidence === 'object') {
      // the report is kept; only the file is missing: say how to add it
      const errors: ReportFormErrors = { bukti: `Bukti belum terlampir: ${outcome.evidence.failed}` };
      return fail(400, {
        ok: false,
        values,
        errors,
        message: `${saved}, tetapi buktinya gagal diunggah (${outcome.evidence.failed}). Kirim ulang triwulan yang sama dengan berkas buktinya.`,
      });
    }
    return {
      ok: true,
      values,
      errors: NO_ERRORS,
      message: `${saved}${outcome.evidence === 'attached' ? `, dengan bukti ${evidence?.name ?? ''}` : ''}.`,
    };
  },
};
