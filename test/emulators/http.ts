// Shared plumbing for the local API emulators: a loopback HTTP server that records every request and can
// replay scripted faults per operation, so tests can break any single call of a run.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  /** The emulator's name for the call: a GitHub operationId or a Fly GraphQL field name. */
  operation: string;
  status: number;
  /** Authorization header as received, for assertions about which credential was used. */
  authorization?: string;
  /** Parsed JSON body (never contains plaintext secrets: GitHub bodies are sealed). */
  body?: unknown;
  at: number;
}

export type Fault =
  | { kind: 'status'; status: number; body?: string; contentType?: string; headers?: Record<string, string> }
  | { kind: 'delay'; ms: number }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'malformed' };

interface ScriptedFault {
  operation: string;
  fault: Fault;
  /** How many matching requests it applies to; Infinity for all. */
  remaining: number;
  /** Apply the fault after the real handler ran (the change happened, the answer is lost). */
  after: boolean;
  /** Narrows the match beyond the operation name (e.g. one query of several under the same field). */
  when?: (request: RecordedRequest) => boolean;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Routed {
  operation: string;
  /** Runs the operation. Called at most once; a fault with after=false skips it. */
  run: () => Promise<Reply> | Reply;
  body?: unknown;
}

export interface EmulatorServerOptions {
  /** Added to every request before it is answered: an emulated network round trip. */
  latencyMs?: number;
}

export class EmulatorServer {
  readonly requests: RecordedRequest[] = [];
  private readonly faults: ScriptedFault[] = [];
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  url = '';

  constructor(
    private readonly route: (req: IncomingMessage, rawBody: string) => Promise<Routed> | Routed,
    private readonly options: EmulatorServerOptions = {},
  ) {}

  /** Script a fault for the next `times` calls of `operation` ('*' matches every operation). */
  fault(
    operation: string,
    fault: Fault,
    opts: { times?: number; after?: boolean; when?: (request: RecordedRequest) => boolean } = {},
  ): void {
    this.faults.push({
      operation,
      fault,
      remaining: opts.times ?? 1,
      after: opts.after ?? false,
      when: opts.when,
    });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  set latencyMs(ms: number) {
    this.options.latencyMs = ms;
  }

  count(operation: string): number {
    return this.requests.filter((r) => r.operation === operation).length;
  }

  async listen(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `emulator error: ${(err as Error).message}` }));
      });
    });
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    const { port: bound } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${bound}`;
    return this.url;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private takeFault(operation: string, after: boolean, record: RecordedRequest): Fault | undefined {
    const i = this.faults.findIndex(
      (f) =>
        f.after === after &&
        f.remaining > 0 &&
        (f.operation === operation || f.operation === '*') &&
        (!f.when || f.when(record)),
    );
    if (i < 0) return undefined;
    const f = this.faults[i];
    f.remaining -= 1;
    if (f.remaining <= 0) this.faults.splice(i, 1);
    return f.fault;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    if (this.options.latencyMs) await sleep(this.options.latencyMs);
    const routed = await this.route(req, raw);
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      operation: routed.operation,
      status: 0,
      authorization: req.headers.authorization,
      body: routed.body,
      at: Date.now(),
    };
    this.requests.push(record);

    const before = this.takeFault(routed.operation, false, record);
    if (before && (await this.applyFault(before, res, record))) return;
    const reply = await routed.run();
    const afterFault = this.takeFault(routed.operation, true, record);
    if (afterFault && (await this.applyFault(afterFault, res, record))) return;
    record.status = reply.status;
    const headers: Record<string, string> = { ...reply.headers };
    if (reply.body === undefined) {
      res.writeHead(reply.status, headers);
      res.end();
      return;
    }
    headers['content-type'] ??= 'application/json; charset=utf-8';
    res.writeHead(reply.status, headers);
    res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
  }

  /** Returns true when the fault answered (or killed) the request. */
  private async applyFault(fault: Fault, res: ServerResponse, record: RecordedRequest): Promise<boolean> {
    switch (fault.kind) {
      case 'delay':
        await sleep(fault.ms);
        return false;
      case 'reset':
        record.status = -1;
        res.socket?.destroy();
        return true;
      case 'hang':
        record.status = -2;
        // Never answer; close() destroys the socket.
        return true;
      case 'malformed':
        record.status = 200;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"data": {"trunc');
        return true;
      case 'status':
        record.status = fault.status;
        res.writeHead(fault.status, {
          'content-type': fault.contentType ?? 'application/json',
          ...fault.headers,
        });
        res.end(fault.body ?? JSON.stringify({ message: `injected ${fault.status}` }));
        return true;
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
