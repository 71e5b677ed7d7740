import type { Actor, SurveyStatus } from './types.ts';

export type SurveyTransition = {
  /** current status; null for a new survey */
  from: SurveyStatus | null;
  to: SurveyStatus;
  actor: Actor;
  returnNote?: string | null;
};

export type TransitionCheck = { allowed: true } | { allowed: false; message: string };

const STATUS_LABEL: Record<SurveyStatus, string> = {
  draft: 'draf',
  submitted: 'diajukan',
  verified: 'terverifikasi',
  returned: 'dikembalikan',
};

const ALLOWED: TransitionCheck = { allowed: true };
const deny = (message: string): TransitionCheck => ({ allowed: false, message });

/**
 * Whether `actor` may move a survey from `from` to `to` (DESIGN "Survey states"):
 * - operator: creates a survey as draft or submitted; edits draft and returned surveys and sets
 *   them to draft or submitted; cannot touch a submitted or verified survey;
 * - verifikator: a submitted survey becomes verified, or returned with a non-empty note;
 * - perencana: reopens a verified survey (back to submitted);
 * - administrator: anything.
 * A save that keeps the status (from === to) is an edit: the operator may edit only draft and
 * returned surveys; for the other roles it is allowed here (field permissions decide what they edit).
 */
export function checkSurveyTransition(transition: SurveyTransition): TransitionCheck {
  const { from, to, actor } = transition;
  if (actor === 'administrator') return ALLOWED;

  if (from === null) {
    if (actor !== 'operator') return deny('Survei baru hanya dapat dibuat oleh operator desa.');
    if (to === 'draft' || to === 'submitted') return ALLOWED;
    return deny(
      `Survei baru hanya dapat disimpan sebagai draf atau langsung diajukan, bukan ${STATUS_LABEL[to]}.`,
    );
  }

  if (from === to) {
    if (actor === 'operator' && from !== 'draft' && from !== 'returned') {
      return deny(
        `Survei yang sudah ${STATUS_LABEL[from]} tidak dapat diubah operator desa. ` +
          'Minta verifikator kecamatan mengembalikannya bila perlu diperbaiki.',
      );
    }
    return ALLOWED;
  }

  switch (actor) {
    case 'operator':
      if (from === 'submitted' || from === 'verified') {
        return deny(
          `Survei yang sudah ${STATUS_LABEL[from]} hanya dapat diubah statusnya oleh verifikator kecamatan. ` +
            'Minta verifikator mengembalikannya bila perlu diperbaiki.',
        );
      }
      if (to === 'draft' || to === 'submitted') return ALLOWED;
      return deny(
        `Operator desa hanya dapat menyimpan survei sebagai draf atau mengajukannya, bukan ${STATUS_LABEL[to]}.`,
      );

    case 'verifikator':
      if (from !== 'submitted') {
        return deny(
          `Verifikator hanya dapat memproses survei yang berstatus diajukan; survei ini berstatus ${STATUS_LABEL[from]}.`,
        );
      }
      if (to === 'verified') return ALLOWED;
      if (to === 'returned') {
        if ((transition.returnNote ?? '').trim() === '') {
          return deny('Isi catatan pengembalian: jelaskan kepada operator desa apa yang harus diperbaiki.');
        }
        return ALLOWED;
      }
      return deny('Verifikator hanya dapat memverifikasi survei atau mengembalikannya dengan catatan.');

    case 'perencana':
      if (from === 'verified' && to === 'submitted') return ALLOWED;
      return deny(
        'Perencana hanya dapat membuka kembali survei yang sudah terverifikasi (menjadi diajukan) untuk diperiksa ulang verifikator.',
      );
  }
}
