import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A loopback HTTPS server that stands in for huggingface.co, github.com and
 * api.github.com. Chromium is pointed at it with `--host-resolver-rules`, so
 * the extension's production code makes its real requests, from the first one
 * at install onwards, and gets recorded responses back.
 */
export interface RecordedResponse {
  status?: number;
  /** The reason phrase after the status code (HTTP/1.1), which a server may fill with anything. */
  statusText?: string;
  headers?: Record<string, string>;
  body: string;
  /**
   * Answer like a server that honours validators (issue #12): a request whose If-None-Match names this response's
   * `etag` header gets `304 Not Modified`, with the ETag and no body.
   */
  conditional?: boolean;
}

export interface RequestLogEntry {
  host: string;
  path: string;
  search: string;
  at: number;
  /** The conditional headers the request carried, if any. */
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  /** What the server answered. */
  status?: number;
}

export const STUBBED_HOSTS = ['huggingface.co', 'github.com', 'api.github.com'] as const;

export class FixtureServer {
  /**
   * Keyed by `host + pathname`, e.g. `huggingface.co/api/models`, or by
   * `host + pathname + search` where the query tells two pages apart
   * (`github.com/trending?since=daily`); the longer key wins.
   */
  private readonly responses = new Map<string, RecordedResponse>();
  readonly requests: RequestLogEntry[] = [];

  private constructor(
    private readonly server: Server,
    private readonly certDir: string,
  ) {}

  static async start(): Promise<FixtureServer> {
    const certDir = mkdtempSync(join(tmpdir(), 'amp-cert-'));
    const key = join(certDir, 'key.pem');
    const cert = join(certDir, 'cert.pem');
    // A throwaway self-signed certificate; Chromium runs with --ignore-certificate-errors.
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=huggingface.co',
      '-addext', `subjectAltName=${STUBBED_HOSTS.map((host) => `DNS:${host}`).join(',')}`,
      '-keyout', key, '-out', cert,
    ], { stdio: 'ignore' });
    const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) });
    const fixtures = new FixtureServer(server, certDir);
    server.on('request', (request, response) => {
      fixtures.handle(request.headers.host ?? '', request.url ?? '/', response, request.headers);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fixtures;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Chromium flags that send the stubbed hosts here and every other host nowhere. */
  chromiumArgs(): string[] {
    const rules = [...STUBBED_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${this.port}`), 'MAP * ~NOTFOUND'];
    return [`--host-resolver-rules=${rules.join(', ')}`, '--ignore-certificate-errors'];
  }

  /** Answer `host/path` with this response until told otherwise. */
  respond(hostAndPath: string, response: RecordedResponse): void {
    this.responses.set(hostAndPath, response);
  }

  respondWithFile(hostAndPath: string, file: string, contentType = 'application/json; charset=utf-8'): void {
    this.respond(hostAndPath, { body: readFileSync(file, 'utf8'), headers: { 'content-type': contentType } });
  }

  /** Requests to `host + path`, or to `host + path + search` when the key has a query. */
  requestsTo(key: string): RequestLogEntry[] {
    return this.requests.filter((entry) => `${entry.host}${entry.path}` === key || `${entry.host}${entry.path}${entry.search}` === key);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    rmSync(this.certDir, { recursive: true, force: true });
  }

  private handle(hostHeader: string, url: string, response: import('node:http').ServerResponse, headers: import('node:http').IncomingHttpHeaders = {}): void {
    const host = hostHeader.replace(/:\d+$/, '');
    const { pathname: path, search } = new URL(url, 'https://placeholder');
    const ifNoneMatch = headers['if-none-match'];
    const ifModifiedSince = headers['if-modified-since'];
    const entry: RequestLogEntry = { host, path, search, at: Date.now(), ...(ifNoneMatch ? { ifNoneMatch } : {}), ...(ifModifiedSince ? { ifModifiedSince } : {}) };
    this.requests.push(entry);
    const recorded = this.responses.get(`${host}${path}${search}`) ?? this.responses.get(`${host}${path}`);
    if (!recorded) {
      entry.status = 404;
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`no recorded response for ${host}${path}`);
      return;
    }
    const etag = recorded.headers?.etag;
    if (recorded.conditional && etag !== undefined && ifNoneMatch === etag) {
      entry.status = 304;
      response.writeHead(304, { etag }).end();
      return;
    }
    entry.status = recorded.status ?? 200;
    const status = recorded.status ?? 200;
    if (recorded.statusText !== undefined) response.writeHead(status, recorded.statusText, recorded.headers ?? {}).end(recorded.body);
    else response.writeHead(status, recorded.headers ?? {}).end(recorded.body);
  }
}
