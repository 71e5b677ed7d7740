import type { Response } from 'express';

interface DirectusLikeError {
  status?: number;
  message?: string;
  code?: string;
}

/** Answers with Directus's error shape so clients handle our endpoints like the built-in ones. */
export function sendError(res: Response, error: unknown): void {
  const e = (error ?? {}) as DirectusLikeError;
  const status = typeof e.status === 'number' ? e.status : 500;
  const message =
    status === 500
      ? 'Terjadi kesalahan di server; coba lagi atau hubungi administrator.'
      : (e.message ?? 'Kesalahan');
  res.status(status).json({ errors: [{ message, extensions: { code: e.code ?? 'INTERNAL_SERVER_ERROR' } }] });
}
