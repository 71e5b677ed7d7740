/**
 * Starts the built dashboard: `node server.ts` (after `npm run build`).
 *
 * adapter-node 6 (SvelteKit 3) no longer reads ORIGIN at run time: without a proxy header it assumes
 * https, so over plain http (e.g. http://localhost:3000 from `npm start`) every form POST, the login
 * included, fails SvelteKit's cross-site check. This wrapper restores ORIGIN: when it is set, each request
 * is given that protocol and host before adapter-node's handler (build/handler.js) sees it.
 *
 * Environment: PORT (default 3000), HOST (default 0.0.0.0), ORIGIN (e.g. http://localhost:3000; leave it
 * unset behind a TLS proxy and use adapter-node's PROTOCOL_HEADER / HOST_HEADER / PORT_HEADER instead),
 * SHUTDOWN_TIMEOUT (seconds, default 30), and adapter-node's ADDRESS_HEADER, XFF_DEPTH, BODY_SIZE_LIMIT.
 * `node build/index.js` also works when ORIGIN is not needed (behind an https proxy).
 */
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import process from 'node:process';

type Handler = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

const ORIGIN_PROTOCOL_HEADER = 'x-siap-pd-origin-protocol';
const ORIGIN_HOST_HEADER = 'x-siap-pd-origin-host';

function readOrigin(value: string | undefined): URL | null {
  if (value === undefined || value.trim() === '') return null;
  const origin = new URL(value.trim());
  if (origin.protocol !== 'http:' && origin.protocol !== 'https:') {
    throw new Error(`ORIGIN must start with http:// or https:// (got ${value})`);
  }
  return origin;
}

function readNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number (got ${raw})`);
  return value;
}

const origin = readOrigin(process.env['ORIGIN']);
if (origin !== null) {
  // adapter-node reads these names when build/handler.js is first imported, i.e. below.
  process.env['PROTOCOL_HEADER'] = ORIGIN_PROTOCOL_HEADER;
  process.env['HOST_HEADER'] = ORIGIN_HOST_HEADER;
  delete process.env['PORT_HEADER'];
}

// Baseline lists (Impor) are uploaded through the dashboard, which streams them on to Directus:
// allow files up to 50 MB (adapter-node's default is 512 KB). Keep in step with MAX_UPLOAD_BYTES.
process.env['BODY_SIZE_LIMIT'] ??= '50M';

const handlerUrl = new URL('./build/handler.js', import.meta.url).href;
const { handler } = (await import(handlerUrl)) as { handler: Handler };

const port = readNumber('PORT', 3000);
const host = process.env['HOST'] ?? '0.0.0.0';
const shutdownTimeoutMs = readNumber('SHUTDOWN_TIMEOUT', 30) * 1000;

const server = http.createServer((request, response) => {
  if (origin !== null) {
    // Overwrites whatever a client sent under these names.
    request.headers[ORIGIN_PROTOCOL_HEADER] = origin.protocol.slice(0, -1);
    request.headers[ORIGIN_HOST_HEADER] = origin.host;
  }
  handler(request, response, () => {
    response.statusCode = 404;
    response.end('Tidak ditemukan');
  });
});

server.listen(port, host, () => {
  console.log(`Dasbor SIAP-PD berjalan di ${origin?.origin ?? `http://${host}:${port}`}`);
});

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), shutdownTimeoutMs).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
