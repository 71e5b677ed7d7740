import type { Readable } from 'node:stream';

// Reads an uploaded CSV from an HTTP request as a stream of text: a plain body (text/csv) or the
// `file` field of a multipart/form-data upload. Bytes are decoded as UTF-8 (a BOM is dropped);
// a file that is not valid UTF-8 (Excel's "CSV" on Windows writes Windows-1252) is read as
// Windows-1252 from the first invalid piece on. Nothing is buffered beyond one piece.

export type CsvUpload = {
  /** text pieces in order; stopping early discards the rest of the request without closing it */
  text: AsyncIterable<string>;
  /** file name from the multipart part, the `file_name` query parameter or Content-Disposition */
  fileName(): string | null;
  /** the encoding actually used (known once the text has been read) */
  encoding(): 'utf-8' | 'windows-1252';
};

type RequestLike = Readable & {
  headers: Record<string, string | string[] | undefined>;
  query?: Record<string, unknown>;
  body?: unknown;
};

export class UploadError extends Error {
  override readonly name = 'DirectusError';
  readonly status: number;
  readonly code: string;
  constructor(message: string, status = 400, code = 'INVALID_PAYLOAD') {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const TEXT_TYPES = [
  'text/csv',
  'text/plain',
  'application/csv',
  'text/comma-separated-values',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

export function readCsvUpload(req: RequestLike): CsvUpload {
  const contentType = String(req.headers['content-type'] ?? 'text/csv').toLowerCase();
  let fileName: string | null = null;
  const queryName = req.query?.['file_name'];
  if (typeof queryName === 'string' && queryName.trim() !== '') fileName = queryName.trim();
  const disposition = req.headers['content-disposition'];
  if (fileName === null && typeof disposition === 'string') fileName = fileNameOf(disposition);

  let bytes: AsyncIterable<Buffer>;
  if (contentType.startsWith('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    const value = boundary?.[1] ?? boundary?.[2];
    if (value === undefined)
      throw new UploadError('Unggahan multipart tanpa boundary; kirim ulang berkasnya.');
    bytes = multipartFile(chunksOf(req), value, (name) => {
      if (name !== null) fileName = name;
    });
  } else if (TEXT_TYPES.some((type) => contentType.startsWith(type))) {
    bytes = chunksOf(req);
  } else {
    throw new UploadError(
      'Kirim berkas CSV sebagai isi permintaan (Content-Type: text/csv) atau sebagai unggahan multipart/form-data dengan kolom "file".',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  }

  let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
  async function* decode(): AsyncGenerator<string> {
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    const latin = new TextDecoder('windows-1252');
    let carry: Buffer = Buffer.alloc(0);
    let first = true;
    for await (const chunk of bytes) {
      let piece = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
      if (first && piece.length >= 3 && piece[0] === 0xef && piece[1] === 0xbb && piece[2] === 0xbf)
        piece = piece.subarray(3);
      if (first && piece.length < 3 && piece.length > 0 && piece[0] === 0xef) {
        carry = piece;
        continue;
      }
      first = false;
      if (encoding === 'windows-1252') {
        carry = Buffer.alloc(0);
        yield latin.decode(piece);
        continue;
      }
      // hold back an incomplete UTF-8 sequence at the end for the next piece
      const cut = completeUtf8Length(piece);
      carry = piece.subarray(cut);
      try {
        yield utf8.decode(piece.subarray(0, cut));
      } catch {
        encoding = 'windows-1252';
        carry = Buffer.alloc(0);
        yield latin.decode(piece);
      }
    }
    if (carry.length > 0) {
      try {
        yield encoding === 'utf-8' ? utf8.decode(carry) : latin.decode(carry);
      } catch {
        encoding = 'windows-1252';
        yield latin.decode(carry);
      }
    }
  }
  return { text: decode(), fileName: () => fileName, encoding: () => encoding };
}

/** Length of the prefix that does not end inside a UTF-8 multi-byte sequence. */
function completeUtf8Length(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/**
 * The request's bytes as an async iterable that, when the consumer stops early, detaches and lets
 * the rest of the body drain (a Readable's own iterator would destroy the socket, and with it the
 * response).
 */
async function* chunksOf(stream: Readable): AsyncGenerator<Buffer> {
  const queue: Buffer[] = [];
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const onData = (chunk: Buffer | string): void => {
    queue.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (queue.length >= 16) stream.pause();
    notify();
  };
  const onEnd = (): void => {
    ended = true;
    notify();
  };
  const onError = (error: unknown): void => {
    failure = error;
    notify();
  };
  stream.on('data', onData);
  stream.on('end', onEnd);
  stream.on('error', onError);
  try {
    for (;;) {
      const next = queue.shift();
      if (next !== undefined) {
        if (queue.length < 4) stream.resume();
        yield next;
        continue;
      }
      if (failure !== null) throw failure instanceof Error ? failure : new Error(String(failure));
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stream.off('data', onData);
    stream.off('end', onEnd);
    stream.off('error', onError);
    stream.resume();
  }
}

/** Streams the content of the multipart part named `file` (the first one). */
async function* multipartFile(
  source: AsyncIterable<Buffer>,
  boundary: string,
  onFileName: (name: string | null) => void,
): AsyncGenerator<Buffer> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const keep = delimiter.length - 1;
  // A leading CRLF makes the first boundary look like every other one.
  let buffer: Buffer = Buffer.from('\r\n');
  let state: 'seek' | 'after' | 'headers' | 'file' | 'skip' | 'done' = 'seek';
  let found = false;
  for await (const chunk of source) {
    if (state === 'done') continue;
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    for (;;) {
      if (state === 'seek') {
        const at = buffer.indexOf(delimiter);
        if (at === -1) {
          buffer = buffer.subarray(Math.max(0, buffer.length - keep));
          break;
        }
        buffer = buffer.subarray(at + delimiter.length);
        state = 'after';
      }
      if (state === 'after') {
        if (buffer.length < 2) break;
        if (buffer[0] === 0x2d && buffer[1] === 0x2d) {
          state = 'done';
          break;
        }
        buffer = buffer.subarray(buffer[0] === 0x0d && buffer[1] === 0x0a ? 2 : 0);
        state = 'headers';
      }
      if (state === 'headers') {
        const end = buffer.indexOf('\r\n\r\n');
        if (end === -1) {
          if (buffer.length > 16 * 1024) throw new UploadError('Bagian unggahan multipart tidak terbaca.');
          break;
        }
        const headers = buffer.subarray(0, end).toString('utf8');
        buffer = buffer.subarray(end + 4);
        const contentDisposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
        const name = /\bname="([^"]*)"/i.exec(contentDisposition)?.[1] ?? null;
        if (!found && name === 'file') {
          found = true;
          onFileName(fileNameOf(contentDisposition));
          state = 'file';
        } else {
          state = 'skip';
        }
      }
      if (state === 'file' || state === 'skip') {
        const at = buffer.indexOf(delimiter);
        if (at === -1) {
          const safe = Math.max(0, buffer.length - keep);
          if (state === 'file' && safe > 0) yield buffer.subarray(0, safe);
          buffer = buffer.subarray(safe);
          break;
        }
        if (state === 'file' && at > 0) yield buffer.subarray(0, at);
        buffer = buffer.subarray(at + delimiter.length);
        state = 'after';
        continue;
      }
      if (state === 'done') break;
    }
  }
  if (!found) {
    throw new UploadError(
      'Unggahan multipart tidak berisi kolom "file". Kirim berkas CSV pada kolom bernama file.',
    );
  }
}

function fileNameOf(contentDisposition: string): string | null {
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(contentDisposition)?.[1];
  if (star !== undefined) {
    try {
      return decodeURIComponent(star.trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain =
    /filename="([^"]*)"/i.exec(contentDisposition)?.[1] ??
    /filename=([^;\s]+)/i.exec(contentDisposition)?.[1];
  if (plain === undefined || plain.trim() === '') return null;
  return plain.split(/[\\/]/).pop() ?? null;
}
