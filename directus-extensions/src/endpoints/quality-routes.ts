import type { Accountability, EndpointExtensionContext, SchemaOverview } from '@directus/types';
import type { Request, Response, Router } from 'express';
import { computeDataValidity, NOT_EXPECTED_DISPOSITIONS } from '@siap-pd/core/compute-data-validity';
import type { QualityFlag } from '@siap-pd/core/types';
import { readNumber } from '@siap-pd/core/read-number';
import { BASELINE_FORBIDDEN, canManageBaseline } from '../adapters/baseline-access.ts';
import { closeJob, openJob } from '../adapters/import-jobs.ts';
import {
  countDispositions,
  countVerifiedHouseholds,
  readFlaggedHouseholds,
} from '../adapters/baseline-reconciliation-reader.ts';
import { loadBaselineReference } from '../adapters/baseline-store.ts';
import {
  emptyFlagCounts,
  loadQualitySettings,
  readQualityFindings,
  recomputeAllQualityFlags,
} from '../adapters/quality-recompute.ts';
import { scopeOf } from './reconciliation-routes.ts';
import { sendError } from './send-error.ts';

interface RequestWithDirectus {
  accountability?: Accountability | null;
  schema?: SchemaOverview;
}

const UNAUTHENTICATED = { status: 401, code: 'INVALID_CREDENTIALS', message: 'Masuk terlebih dahulu.' };

const FLAG_LABELS: Record<QualityFlag, string> = {
  nik_outside_region: 'NIK terdaftar di luar kabupaten',
  coordinates_outside_region: 'Koordinat di luar kabupaten',
  member_count_mismatch: 'Jumlah anggota berbeda dengan daftar anggota',
  nik_ends_with_0000: 'NIK berakhiran 0000 (terpotong Excel)',
  no_kk_missing: 'Belum punya KK',
};

function surveyCoordinates(schema: SchemaOverview | undefined): boolean {
  const fields = schema?.collections['surveys']?.fields;
  return fields?.['latitude'] !== undefined && fields['longitude'] !== undefined;
}

/**
 * POST /siap-pd/quality/recompute   (Perencana, Administrator) recompute every household's quality
 *      flags in chunks -> { data: { checked, changed, flagged: { <flag>: households }, job, duration_ms } }
 * GET  /siap-pd/quality/findings?desa=[&kecamatan=][&flag=]   open findings of the households the
 *      caller may read -> { data: { households: [{ household, head_name, desa, desa_name, kecamatan,
 *      flags, findings: [{ flag, label, message }] }], per_desa: [{ desa, name, households, flags }],
 *      totals: { <flag>: households } } }
 * GET  /siap-pd/stats/validity?level=desa|kecamatan|kabupaten[&round=]
 *      valid data = verified households / households that should have been surveyed
 *      -> { data: { level, round, target_pct, rows: [{ code, name, expected, verified, valid_pct, meets_target }], total } }
 */
export function registerQualityRoutes(router: Router, context: EndpointExtensionContext): void {
  const recompute = async (req: Request, res: Response): Promise<void> => {
    try {
      const { accountability, schema } = req as unknown as RequestWithDirectus;
      if (!canManageBaseline(accountability)) throw BASELINE_FORBIDDEN;
      const started = new Date();
      const db = context.database;
      const job = await openJob(context, db, schema, {
        kind: 'recompute_quality',
        source: 'manual',
        accountability: accountability ?? null,
        started,
      });
      try {
        const result = await recomputeAllQualityFlags(db, {
          settings: await loadQualitySettings(db),
          surveyCoordinates: surveyCoordinates(schema),
        });
        const duration_ms = Date.now() - started.getTime();
        await closeJob(db, job, {
          status: 'done',
          counts: { ...result, duration_ms },
          message: `${result.checked} rumah tangga diperiksa, ${result.changed} berubah temuan kualitasnya.`,
          finished: new Date(),
        });
        res.json({ data: { ...result, job, duration_ms } });
      } catch (error) {
        await closeJob(db, job, {
          status: 'failed',
          counts: {},
          message: error instanceof Error ? error.message : String(error),
          finished: new Date(),
        }).catch(() => undefined);
        throw error;
      }
    } catch (error) {
      sendError(res, error);
    }
  };

  const findings = async (req: Request, res: Response): Promise<void> => {
    try {
      const { accountability, schema } = req as unknown as RequestWithDirectus;
      if (!accountability?.user) throw UNAUTHENTICATED;
      const flagParam = req.query['flag'];
      const flag = typeof flagParam === 'string' && flagParam in FLAG_LABELS ? flagParam : null;
      // which households: the caller's own permissions; the details: read by the system, NIK never returned
      const visible = await readFlaggedHouseholds(context, { schema, accountability }, scopeOf(req), flag);
      const details = await readQualityFindings(
        context.database,
        visible.map((h) => h.id),
        {
          settings: await loadQualitySettings(context.database),
          surveyCoordinates: surveyCoordinates(schema),
        },
      );
      const reference = await loadBaselineReference(context.database);
      const totals = emptyFlagCounts();
      const perDesa = new Map<
        string,
        { desa: string | null; name: string | null; households: number; flags: Record<QualityFlag, number> }
      >();
      const households = visible.flatMap((household) => {
        const detail = details.get(household.id);
        if (detail === undefined) return [];
        const flags = detail.stored.filter(
          (f): f is QualityFlag => f in FLAG_LABELS && (flag === null || f === flag),
        );
        if (flags.length === 0) return [];
        const key = household.desa ?? '';
        const desaRow = perDesa.get(key) ?? {
          desa: household.desa,
          name: household.desa === null ? null : (reference.desaNames.get(household.desa) ?? null),
          households: 0,
          flags: emptyFlagCounts(),
        };
        desaRow.households += 1;
        for (const f of flags) {
          desaRow.flags[f] += 1;
          totals[f] += 1;
        }
        perDesa.set(key, desaRow);
        return [
          {
            household: household.id,
            head_name: household.head_name,
            desa: household.desa,
            desa_name: household.desa === null ? null : (reference.desaNames.get(household.desa) ?? null),
            kecamatan: household.kecamatan,
            flags,
            findings: flags.map((f) => ({
              flag: f,
              label: FLAG_LABELS[f],
              message:
                detail.findings.find((x) => x.flag === f)?.message ??
                `${FLAG_LABELS[f]}. Temuan ini tersimpan dari pemeriksaan sebelumnya; jalankan pemeriksaan ulang kualitas data.`,
            })),
          },
        ];
      });
      res.json({
        data: {
          households,
          per_desa: [...perDesa.values()].sort((a, b) => (a.desa ?? '').localeCompare(b.desa ?? '')),
          totals,
        },
      });
    } catch (error) {
      sendError(res, error);
    }
  };

  const validity = async (req: Request, res: Response): Promise<void> => {
    try {
      const { accountability, schema } = req as unknown as RequestWithDirectus;
      if (!accountability?.user) throw UNAUTHENTICATED;
      const level = req.query['level'] ?? 'kabupaten';
      if (level !== 'desa' && level !== 'kecamatan' && level !== 'kabupaten') {
        throw {
          status: 400,
          code: 'INVALID_QUERY',
          message: 'Parameter level harus desa, kecamatan, atau kabupaten.',
        };
      }
      const settings = (await context
        .database('planning_settings')
        .first('survey_round', 'validity_target_pct')) as Record<string, unknown> | undefined;
      const roundParam = req.query['round'];
      const round =
        typeof roundParam === 'string' && /^\d{4}$/.test(roundParam)
          ? Number(roundParam)
          : readNumber(settings?.['survey_round']);
      if (round === null)
        throw {
          status: 400,
          code: 'INVALID_QUERY',
          message: 'Ronde survei belum diatur di Pengaturan Perencanaan.',
        };
      const scope = scopeOf(req);
      const request = { schema, accountability };
      const [households, verified, reference] = await Promise.all([
        countDispositions(context, request, scope),
        countVerifiedHouseholds(context, request, round, NOT_EXPECTED_DISPOSITIONS, scope),
        loadBaselineReference(context.database),
      ]);
      const names = level === 'desa' ? reference.desaNames : reference.kecamatanNames;
      const result = computeDataValidity({
        households,
        verified,
        level,
        kecamatanOfDesa: new Map([...reference.desa.values()].map((d) => [d.code, d.kecamatan])),
        names,
        region: { code: reference.regionCode, name: reference.regionName },
        targetPct: readNumber(settings?.['validity_target_pct']),
      });
      res.json({ data: { ...result, round } });
    } catch (error) {
      sendError(res, error);
    }
  };

  router.post('/quality/recompute', (req, res) => {
    void recompute(req, res);
  });
  router.get('/quality/findings', (req, res) => {
    void findings(req, res);
  });
  router.get('/stats/validity', (req, res) => {
    void validity(req, res);
  });
}
