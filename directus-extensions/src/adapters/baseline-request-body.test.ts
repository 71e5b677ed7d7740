import { PassThrough } from 'node:stream';
import { describe, it, expect } from 'vitest';
import { readCsvUpload } from './baseline-request-body.ts';

const CSV = 'no_kk;nama_kepala\r\n6311071203150001;Nurâini\r\n';

function request(
  body: Buffer,
  headers: Record<string, string>,
  pieceSize: number,
  query: Record<string, unknown> = {},
) {
  const stream = new PassThrough();
  for (let i = 0; i < body.length; i += pieceSize) stream.write(body.subarray(i, i + pieceSize));
  stream.end();
  return Object.assign(stream, { headers, query });
}

async function readAll(upload: ReturnType<typeof readCsvUpload>): Promise<string> {
  let text = '';
  for await (const piece of upload.text) text += piece;
  return text;
}

function multipart(boundary: string, parts: { name: string; filename?: string; body: Buffer }[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const filename = part.filename === undefined ? '' : `; filename="${part.filename}"`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${filename}\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      part.body,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

describe('readCsvUpload', () => {
  it.each<[name: string, body: Buffer, encoding: 'utf-8' | 'windows-1252']>([
    ['UTF-8', Buffer.from(CSV, 'utf8'), 'utf-8'],
    [
      'UTF-8 with BOM (the BOM is dropped)',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]),
      'utf-8',
    ],
    ['Windows-1252 (Latin-1) falls back', Buffer.from(CSV, 'latin1'), 'windows-1252'],
  ])('a text/csv body: %s, in any piece size', async (_name, body, encoding) => {
    for (const size of [1, 3, 1000]) {
      const upload = readCsvUpload(
        request(body, { 'content-type': 'text/csv' }, size, { file_name: 'p3ke.csv' }),
      );
      expect(await readAll(upload)).toBe(CSV);
      expect(upload.encoding()).toBe(encoding);
      expect(upload.fileName()).toBe('p3ke.csv');
    }
  });

  it('the file field of a multipart upload, whatever the piece size', async () => {
    const boundary = '----siap123';
    const body = multipart(boundary, [
      { name: 'note', body: Buffer.from('bukan berkas\r\n--siap') },
      { name: 'file', filename: 'C:\\Users\\data\\p3ke balangan.csv', body: Buffer.from(CSV, 'utf8') },
      { name: 'after', body: Buffer.from('x') },
    ]);
    for (const size of [1, 2, 7, 64, 10_000]) {
      const upload = readCsvUpload(
        request(body, { 'content-type': `multipart/form-data; boundary=${boundary}` }, size),
      );
      expect(await readAll(upload)).toBe(CSV);
      expect(upload.fileName()).toBe('p3ke balangan.csv');
    }
  });

  it('a multipart upload without a file field is refused', async () => {
    const body = multipart('b', [{ name: 'other', body: Buffer.from(CSV) }]);
    const upload = readCsvUpload(request(body, { 'content-type': 'multipart/form-data; boundary=b' }, 10));
    await expect(readAll(upload)).rejects.toThrow(/kolom "file"/);
  });

  it('JSON is refused with 415', () => {
    expect(() =>
      readCsvUpload(request(Buffer.from('{}'), { 'content-type': 'application/json' }, 10)),
    ).toThrow(expect.objectContaining({ status: 415 }));
  });

  it('stopping early does not destroy the request', async () => {
    const req = request(Buffer.from(CSV.repeat(1000)), { 'content-type': 'text/csv' }, 100);
    const upload = readCsvUpload(req);
    for await (const piece of upload.text) {
      expect(piece.length).toBeGreaterThan(0);
      break;
    }
    expect(req.destroyed).toBe(false);
  });
});
