import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { HOST_ANSWER, hostResponse, type HostRequest, type HostResponse, type StationReport } from '../../support/sync-station-protocol';

/** The repository, where tsx and the tests' tsconfig are. */
const root = join(import.meta.dirname, '../../..');

type Request = HostRequest extends infer R ? (R extends HostRequest ? Omit<R, 'id'> : never) : never;

/**
 * The Node stations of an e2e, driven in their own process (tests/support/sync-station-host.ts): Playwright's
 * test loader cannot load renderer modules, tsx with the tests' tsconfig can. One request at a time.
 */
export class NodeStations {
  private nextId = 1;
  private readonly waiting = new Map<number, (response: HostResponse) => void>();
  private stderr = '';
  private exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    private readonly url: string,
  ) {
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-8000);
    });
    if (!child.stdout) throw new Error('the station host has no stdout');
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (!line.startsWith(HOST_ANSWER)) return; // a module's own output
      const response = hostResponse.parse(JSON.parse(line.slice(HOST_ANSWER.length)));
      this.waiting.get(response.id)?.(response);
      this.waiting.delete(response.id);
    });
    this.exited = new Promise((resolve) => {
      child.once('exit', (code) => {
        for (const [id, reply] of this.waiting) reply({ id, ok: false, error: `station host exited (${String(code)}): ${this.stderr}` });
        this.waiting.clear();
        resolve();
      });
    });
  }

  /** Starts the host and opens `codes` on the exchange at `url` (nats://…), each with its engine running. */
  static async start(url: string, codes: string[]): Promise<NodeStations> {
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['--tsconfig', 'tsconfig.tests.json', 'tests/support/sync-station-host.ts'], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const host = new NodeStations(child, url);
    await host.open(codes);
    return host;
  }

  /** Opens more stations on the same exchange. */
  async open(codes: string[]): Promise<void> {
    await this.call({ cmd: 'open', url: this.url, codes });
  }

  private async call(request: Request): Promise<HostResponse & { ok: true }> {
    const id = this.nextId++;
    const response = await new Promise<HostResponse>((resolve) => {
      this.waiting.set(id, resolve);
      this.child.stdin?.write(`${JSON.stringify({ ...request, id })}\n`);
    });
    if (!response.ok) throw new Error(`station host, ${request.cmd}: ${response.error}`);
    return response;
  }

  /** One 联调消息 from `from` to every station in `to`; its aggregate id. */
  async send(from: string, to: string[], text: string): Promise<string> {
    const [id] = (await this.call({ cmd: 'send', from, to, text })).ids ?? [];
    if (!id) throw new Error('send returned no id');
    return id;
  }

  /** `count` probes from `from` to `to` (texts from `prefix`, lengthened by `filler`); their aggregate ids. */
  async bulk(from: string, to: string[], count: number, prefix: string, filler = ''): Promise<string[]> {
    return (await this.call({ cmd: 'bulk', from, to, count, prefix, filler })).ids ?? [];
  }

  /** `from` forwards the seven-station roster to `to` (a `roster.updated` event). */
  async forwardRoster(from: string, to: string[]): Promise<void> {
    await this.call({ cmd: 'roster', from, to });
  }

  async reports(): Promise<StationReport[]> {
    return (await this.call({ cmd: 'report' })).reports ?? [];
  }

  /** Stops every engine, closes the databases and ends the process. */
  async close(): Promise<void> {
    if (this.child.exitCode === null) {
      await this.call({ cmd: 'stop' }).catch(() => undefined);
      this.child.stdin?.end();
    }
    await this.exited;
  }
}
