import { error, fail } from '@sveltejs/kit';
import { EFFECTIVENESS_FORBIDDEN, IMPORT_FORBIDDEN, allocationAccess } from '#lib/allocation-access.ts';
import { readYear } from '#lib/allocation-forms.ts';
import { importProblemRows } from '#lib/effectiveness-view.ts';
import { formatNumberId } from '#lib/format.ts';
import { roleKeyOf } from '#lib/roles.ts';
import {
  TAGGED_BUDGET_MAX_BYTES,
  importTaggedBudget,
  readEffectivenessPage,
} from '#lib/server/effectiveness-page.ts';
import { loadFromDirectus } from '#lib/server/page-errors.ts';
import { requireSession } from '#lib/server/session.ts';
import { isRefusal } from '#lib/server/siap-endpoint.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { user, directus } = requireSession(locals, url);
  const access = allocationAccess(roleKeyOf(user.role));
  if (!access.effectiveness) error(403, EFFECTIVENESS_FORBIDDEN);
  const page = await loadFromDirectus(url, () => readEffectivenessPage(directus, url.searchParams));
  return { page, canImport: access.importTaggedBudget };
};

export const actions: Actions = {
  impor: async ({ locals, url, request }) => {
    const { user, directus } = requireSession(locals, url);
    if (!allocationAccess(roleKeyOf(user.role)).importTaggedBudget) {
      return fail(403, { ok: false, message: IMPORT_FORBIDDEN, problemRows: [] });
    }
    const form = await request.formData();
    const year = readYear(String(form.get('fiscal_year') ?? ''));
    if (year === null) {
      return fail(400, {
        ok: false,
        message: 'Isi tahun anggaran dengan empat angka, mis. 2026.',
        problemRows: [],
      });
    }
    const file = form.get('berkas');
    if (!(file instanceof File) || file.size === 0) {
      return fail(400, {
        ok: false,
        message: 'Pilih berkas CSV anggaran tertandai terlebih dahulu.',
        problemRows: [],
      });
    }
    if (file.size > TAGGED_BUDGET_MAX_BYTES) {
      return fail(400, {
        ok: false,
        message: `Berkas terlalu besar (${formatNumberId(file.size / 1024 / 1024, { decimals: 1 })} MB); maksimal ${formatNumberId(
          TAGGED_BUDGET_MAX_BYTES / 1024 / 1024,
        )} MB. Simpan hanya kolom yang dibutuhkan.`,
        problemRows: [],
      });
    }
    const csv = await file.text();
    const fileName = file.name.trim() === '' ? null : file.name.slice(0, 200);
    const result = await loadFromDirectus(url, () => importTaggedBudget(directus, { year, csv, fileName }));
    if (isRefusal(result)) {
      return fail(result.status, {
        ok: false,
        message: result.message,
        problemRows: importProblemRows({ problems: result.problems, remarks: [] }),
      });
    }
    return {
      ok: true,
      message: `Anggaran tertandai tahun ${result.fiscal_year} diganti: ${formatNumberId(result.inserted)} baris diimpor, ${formatNumberId(result.rejected)} ditolak.`,
      result,
      problemRows: importProblemRows(result),
    };
  },
};
