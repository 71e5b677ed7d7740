import { customEndpoint } from '@directus/sdk';
import { exportEndpointParams, exportFileName } from '../allocation-forms.ts';
import type { ExportRequest } from '../allocation-forms.ts';
import type { UserDirectus } from './directus-types.ts';
import { refusalOf } from './siap-endpoint.ts';
import type { EndpointRefusal } from './siap-endpoint.ts';

export interface ExportFile {
  ok: true;
  body: ArrayBuffer;
  contentType: string;
  fileName: string;
  /** X-SIAP-Total-Pagu of a lines export (the sum of the Pagu column) */
  totalPagu: string | null;
}

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * GET /siap-pd/allocations/export as the user (Directus scopes an agency user to its own agency and
 * leaves NIK out for roles that may not read it). The file passes through the dashboard, so the
 * browser never holds a Directus token.
 */
export async function readAllocationExport(
  directus: UserDirectus,
  request: ExportRequest,
): Promise<ExportFile | EndpointRefusal> {
  let answer: unknown;
  try {
    answer = await directus.request(
      customEndpoint<unknown>({
        path: '/siap-pd/allocations/export',
        params: exportEndpointParams(request),
        onRequest: (options: RequestInit) => ({ ...options, signal: AbortSignal.timeout(120_000) }),
      }),
    );
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal === null) throw error;
    return refusal;
  }
  // A file (not JSON) comes back from the SDK as the fetch Response itself.
  if (!(answer instanceof Response)) {
    return {
      ok: false,
      status: 502,
      message: 'Server data tidak mengirim berkas ekspor. Coba lagi atau hubungi administrator.',
      extensions: null,
    };
  }
  return {
    ok: true,
    body: await answer.arrayBuffer(),
    contentType: CONTENT_TYPES[request.format],
    fileName: exportFileName(answer.headers.get('content-disposition'), request),
    totalPagu: answer.headers.get('x-siap-total-pagu'),
  };
}
