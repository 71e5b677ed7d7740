// Shared by the classification and low-code integration tests.
import type { DirectusApi } from '../../scripts/lib/directus-api.ts';
import { adminApi } from './helpers.ts';

export type JobStatus = {
  running: string | null;
  scheduled: string | null;
  last: { job: number | null; kind: string; started_at: string; finished_at: string } | null;
};

/**
 * Bulk re-runs (poverty lines, settings, rules) run in the background after the save that caused
 * them: the save has already scheduled its job when it answers, so waiting until nothing is
 * scheduled or running makes the test deterministic.
 */
export async function waitForJobs(timeoutMs = 60_000): Promise<JobStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await adminApi().get<JobStatus>('/siap-pd/reclassify/status');
    if (status.running === null && status.scheduled === null) return status;
    if (Date.now() > deadline) throw new Error(`klasifikasi ulang belum selesai: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export type Need = {
  id: number;
  household: number;
  indicator: string;
  status: string;
  quantity: number;
  category: string | null;
  sub_kegiatan: string | null;
  perangkat_daerah: string | null;
  desa: string | null;
  kecamatan: string | null;
  survey: number | null;
  no_longer_detected: boolean;
};

export async function needsOf(api: DirectusApi, household: number): Promise<Need[]> {
  return api.get<Need[]>(
    `/items/needs?filter[household][_eq]=${household}&sort=id&limit=-1` +
      '&fields=id,household,indicator,status,quantity,category,sub_kegiatan,perangkat_daerah,desa,kecamatan,survey,no_longer_detected',
  );
}

/** Removes a test household with everything that points to it (as the administrator). */
export async function removeHousehold(household: number): Promise<void> {
  const admin = adminApi();
  for (const collection of ['needs', 'surveys', 'household_members']) {
    const rows = await admin.get<{ id: number }[]>(
      `/items/${collection}?filter[household][_eq]=${household}&fields=id&limit=-1`,
    );
    if (rows.length > 0)
      await admin.delete(
        `/items/${collection}`,
        rows.map((row) => row.id),
      );
  }
  await admin.delete(`/items/households/${household}`);
}
