import { error, fail, redirect } from '@sveltejs/kit';
import { ALLOCATION_FORBIDDEN, PLAN_FORBIDDEN, allocationAccess } from '#lib/allocation-access.ts';
import { readCeilingForm, readDecreeForm, readYear } from '#lib/allocation-forms.ts';
import { href } from '#lib/href.ts';
import { roleKeyOf } from '#lib/roles.ts';
import { finaliseRun, readAllocationPage, runAllocation, saveCeiling } from '#lib/server/allocation-page.ts';
import { readAgencyRefs } from '#lib/server/reference.ts';
import { loadFromDirectus } from '#lib/server/page-errors.ts';
import { requireSession } from '#lib/server/session.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { user, directus } = requireSession(locals, url);
  const access = allocationAccess(roleKeyOf(user.role));
  if (access.allocation === 'none') error(403, ALLOCATION_FORBIDDEN);
  const page = await loadFromDirectus(url, () =>
    readAllocationPage(directus, user, access, url.searchParams),
  );
  return { page };
};

/** The session of a planner (perencana or administrator), or null when the role may not plan. */
function planner(event: RequestEvent) {
  const session = requireSession(event.locals, event.url);
  return allocationAccess(roleKeyOf(session.user.role)).plan ? session : null;
}

export const actions: Actions = {
  jalankan: async (event) => {
    const session = planner(event);
    if (session === null) return fail(403, { action: 'jalankan', ok: false, message: PLAN_FORBIDDEN });
    const year = readYear(String((await event.request.formData()).get('fiscal_year') ?? ''));
    if (year === null) {
      return fail(400, {
        action: 'jalankan',
        ok: false,
        message: 'Tahun anggaran tidak diketahui. Isi tahun anggaran aktif di Pengaturan Perencanaan.',
      });
    }
    const result = await loadFromDirectus(event.url, () => runAllocation(session.directus, year));
    if (!result.ok) return fail(result.status, { action: 'jalankan', ok: false, message: result.message });
    redirect(303, href(`/alokasi?tahun=${year}&alokasi=${result.run}`));
  },

  tetapkan: async (event) => {
    const session = planner(event);
    if (session === null) return fail(403, { action: 'tetapkan', ok: false, message: PLAN_FORBIDDEN });
    const form = readDecreeForm(await event.request.formData());
    if (!form.ok)
      return fail(400, { action: 'tetapkan', ok: false, message: form.message, field: form.field });
    const result = await loadFromDirectus(event.url, () => finaliseRun(session.directus, form));
    if (!result.ok) return fail(result.status, { action: 'tetapkan', ok: false, message: result.message });
    return {
      action: 'tetapkan',
      ok: true,
      message: `Alokasi #${form.run} ditetapkan dengan keputusan ${form.decree_number}.`,
    };
  },

  pagu: async (event) => {
    const session = planner(event);
    if (session === null) return fail(403, { action: 'pagu', ok: false, message: PLAN_FORBIDDEN });
    const agencies = await loadFromDirectus(event.url, () => readAgencyRefs(session.directus));
    const form = readCeilingForm(
      await event.request.formData(),
      agencies.map((agency) => agency.id),
    );
    if (!form.ok) return fail(400, { action: 'pagu', ok: false, message: form.message, field: form.field });
    const result = await loadFromDirectus(event.url, () => saveCeiling(session.directus, form));
    if (!result.ok) return fail(result.status, { action: 'pagu', ok: false, message: result.message });
    const name =
      agencies.find((agency) => agency.id === form.perangkat_daerah)?.short_name ?? form.perangkat_daerah;
    return {
      action: 'pagu',
      ok: true,
      message:
        form.amount === null
          ? `Pagu ${name} tahun ${form.fiscal_year} dihapus: perangkat daerah ini didanai penuh. Jalankan alokasi lagi untuk menerapkannya.`
          : `Pagu ${name} tahun ${form.fiscal_year} disimpan. Jalankan alokasi lagi untuk menerapkannya.`,
    };
  },
};
