// Errors shaped like Directus's own (name 'DirectusError', status, code): Directus's error handler
// recognises them by shape and answers with their status and message instead of a 500.

export class AccessError extends Error {
  override readonly name = 'DirectusError';
  readonly status: number;
  readonly code: string;
  readonly extensions: Record<string, unknown>;
  constructor(message: string, status: number, code: string, extensions: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.extensions = extensions;
  }
}

/**
 * Exactly Directus's own refusal: a record outside the user's scope and a record that does not
 * exist get the same answer, so a refusal never tells whether something exists elsewhere.
 */
export function forbidden(): AccessError {
  return new AccessError("You don't have permission to access this.", 403, 'FORBIDDEN');
}

/** A refused change with a message for the user (Bahasa Indonesia). */
export function refused(message: string, field?: string): AccessError {
  return new AccessError(message, 400, 'INVALID_PAYLOAD', field === undefined ? {} : { field });
}

/** DESIGN "Access": never reveal another desa's data. */
export const NIK_ELSEWHERE = 'NIK ini sudah terdaftar di desa lain; hubungi verifikator kecamatan';
