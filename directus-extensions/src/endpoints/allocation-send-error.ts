import type { Response } from 'express';
import { sendError } from './send-error.ts';

/**
 * Like sendError, and keeps the details our own refusals carry (extensions.problems, .rejected,
 * .field) so a page can show them next to the fields. Unknown errors still answer 500 without detail.
 */
export function sendAllocationError(res: Response, error: unknown): void {
  const e = (error ?? {}) as {
    name?: unknown;
    status?: unknown;
    code?: unknown;
    message?: unknown;
    extensions?: unknown;
  };
  if (
    e.name === 'DirectusError' &&
    typeof e.status === 'number' &&
    e.status < 500 &&
    e.extensions !== null &&
    typeof e.extensions === 'object' &&
    Object.keys(e.extensions).length > 0
  ) {
    res.status(e.status).json({
      errors: [
        {
          message: typeof e.message === 'string' ? e.message : 'Kesalahan',
          extensions: {
            ...(e.extensions as Record<string, unknown>),
            code: typeof e.code === 'string' ? e.code : 'INVALID_PAYLOAD',
          },
        },
      ],
    });
    return;
  }
  sendError(res, error);
}
