import { liveQuery, type Subscription } from 'dexie';
import type Dexie from 'dexie';
import { neighboursOf } from '@shared/sync/roster';
import type { ConnectionState } from './status-store';
import type { ApplierSet } from './appliers';
// Types only: the NATS client (~250 KiB) loads with the first connection, not with the first screen.
import type { ConnectFn, Delivery, Exchange } from './exchange';
import { applyCheckedBatch, checkWireBatch, type CheckedBatch, type ReceiveResult } from './inbox';
import { cursorBatch, markFailed, markSent, nextBatches, retryDelayMs, unsentPeers } from './outbox';
import { signingStation } from '@renderer/platform/station';
import { outboxTable, peersTable } from './tables';
import { loadTrust } from './trust';
import { unconfirmedStreams } from './restore';

/** Every neighbour gets this station's cursor at least this often (a lost cursor only delays a resend). */
export const CURSOR_INTERVAL_MS = 60_000;

export interface SyncEngineOptions {
  database: Dexie;
  appliers: ApplierSet;
  connect: ConnectFn;
  onState?: (state: ConnectionState, error: string | null) => void;
  onPending?: (count: number) => void;
  onReceived?: (result: ReceiveResult) => void;
  onSent?: (info: { peer: string; events: number; bytes: number }) => void;
  random?: () => number;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Keeps one station in step with the exchange: connects (and reconnects), reads its inbox continuously, and sends
 * the outbox whenever something is pending — per peer, with back-off and jitter after a failure.
 */
export class SyncEngine {
  private exchange: Exchange | null = null;
  private url: string | null = null;
  private running = false;
  private flushing: Promise<void> | null = null;
  private flushAgain = false;
  private notBefore = new Map<string, number>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private outboxWatch: Subscription | null = null;
  private cursorTimer: ReturnType<typeof setInterval> | null = null;
  /** Neighbours owed this station's cursor: they sent events, asked for it, or it is time (every minute). */
  private cursorDue = new Set<string>();
  private everyoneDue = true;
  private stopConsumer: (() => void) | null = null;
  private state: ConnectionState = 'notConfigured';
  /** False between a disconnect and the reconnect: publishing then would only wait for a timeout. */
  private connected = false;

  constructor(private readonly options: SyncEngineOptions) {}

  get currentState(): ConnectionState {
    return this.state;
  }

  private setState(state: ConnectionState, error: string | null = null): void {
    this.state = state;
    this.options.onState?.(state, error);
  }

  /** Starts syncing through the exchange at `url` (ws://… in the browser). */
  start(url: string): void {
    if (this.running) return;
    this.url = url;
    this.running = true;
    this.setState('offline');
    this.outboxWatch = liveQuery(() => outboxTable(this.options.database).count()).subscribe({
      next: (count) => {
        this.options.onPending?.(count);
        if (count > 0) this.scheduleFlush();
      },
      error: () => undefined,
    });
    this.cursorTimer = setInterval(() => {
      this.everyoneDue = true;
      this.scheduleFlush();
    }, CURSOR_INTERVAL_MS);
    void this.connectLoop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.outboxWatch?.unsubscribe();
    this.outboxWatch = null;
    if (this.cursorTimer) clearInterval(this.cursorTimer);
    this.cursorTimer = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.stopConsumer?.();
    const exchange = this.exchange;
    this.exchange = null;
    await this.flushing?.catch(() => undefined);
    await exchange?.close().catch(() => undefined);
    this.setState(this.url ? 'offline' : 'notConfigured');
  }

  private async connectLoop(): Promise<void> {
    let attempts = 0;
    while (this.running && this.url) {
      try {
        const { identity, key } = await signingStation(this.options.database);
        const { openExchange } = await import('./exchange');
        this.exchange = await openExchange(this.url, { code: identity.code, secretKey: key.secretKey }, this.options.connect);
      } catch (error) {
        attempts += 1;
        this.setState('offline', messageOf(error));
        await sleep(retryDelayMs(attempts, this.options.random));
        continue;
      }
      attempts = 0;
      await this.session(this.exchange);
    }
  }

  /** One connection's lifetime: consume, flush, follow reconnects, until it closes for good. */
  private async session(exchange: Exchange): Promise<void> {
    const watchStatus = (async () => {
      for await (const status of exchange.connection.status()) {
        if (status.type === 'disconnect') {
          this.connected = false;
          this.setState('offline', null);
        }
        if (status.type === 'reconnect') {
          this.connected = true;
          this.setState('online');
          this.notBefore.clear();
          this.scheduleFlush();
        }
      }
    })();
    try {
      const inbox = { database: this.options.database, appliers: this.options.appliers };
      const consumer = await exchange.consume({ prepare: (data) => checkWireBatch(inbox, data), commit: (checked) => this.commitReceived(checked) });
      this.stopConsumer = consumer.stop;
      this.connected = true;
      this.setState('online');
      // A new session (start, crash, restore): tell every neighbour where we are, so each resends what we lack.
      this.everyoneDue = true;
      this.scheduleFlush();
    } catch (error) {
      this.setState('error', messageOf(error));
    }
    await exchange.connection.closed();
    this.connected = false;
    await watchStatus.catch(() => undefined);
    this.stopConsumer = null;
    if (this.exchange === exchange) this.exchange = null;
    if (this.running) this.setState('offline');
  }

  private async commitReceived(checked: Promise<CheckedBatch>): Promise<Delivery> {
    try {
      const batch = await checked;
      const result = await applyCheckedBatch({ database: this.options.database, appliers: this.options.appliers }, batch);
      // The sender keeps these events until our cursor confirms them: send it soon.
      if (batch.kind === 'verified' && (batch.batch.events.length > 0 || batch.batch.cursor?.resend)) {
        this.cursorDue.add(batch.batch.from);
        this.scheduleFlush();
      }
      this.options.onReceived?.(result);
      if (this.state === 'error') this.setState('online');
      return 'ack';
    } catch (error) {
      this.setState('error', messageOf(error));
      return 'retry';
    }
  }

  /** 立即同步: forget back-off and send everything pending now. */
  async syncNow(): Promise<void> {
    this.notBefore.clear();
    await this.flush();
  }

  private scheduleFlush(): void {
    void this.flush();
  }

  /** Single-flight: a flush requested while one runs makes that one go round again. */
  flush(): Promise<void> {
    if (this.flushing) {
      this.flushAgain = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      do {
        this.flushAgain = false;
        await this.flushOnce();
      } while (this.flushAgain && this.running);
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async flushOnce(): Promise<void> {
    const exchange = this.exchange;
    if (!exchange || !this.connected || exchange.connection.isClosed()) return;
    const pending = await unsentPeers(this.options.database);
    // Asked by the admin, or restored: a resend request also makes the peer answer with its own cursor at once.
    // (A restored station asks on each round to everyone, once a minute, until its positions are confirmed.)
    const resend = new Set([
      ...(await peersTable(this.options.database).toArray()).filter((p) => p.resendRequested).map((p) => p.code),
      ...(this.everyoneDue ? await unconfirmedStreams(this.options.database) : []),
    ]);
    if (pending.size === 0 && this.cursorDue.size === 0 && !this.everyoneDue && resend.size === 0) return;
    const self = await signingStation(this.options.database);
    const trust = await loadTrust(this.options.database);
    const neighbours = new Set(trust.roster ? neighboursOf(trust.roster.roster, self.identity.code).map((s) => s.code) : []);
    if (this.everyoneDue) neighbours.forEach((n) => this.cursorDue.add(n));
    this.everyoneDue = false;
    resend.forEach((n) => this.cursorDue.add(n));
    let failed = !(await this.sendCursors(exchange, { code: self.identity.code, key: self.key }, neighbours, resend));
    if (pending.size === 0) {
      this.armRetry();
      return;
    }
    this.setState('syncing');
    for (const peer of pending) {
      if ((this.notBefore.get(peer) ?? 0) > Date.now()) continue;
      if (!neighbours.has(peer)) {
        await markFailed(this.options.database, peer, `${peer} is not a neighbour in the trust roster`);
        this.notBefore.set(peer, Date.now() + 60_000);
        continue;
      }
      failed = !(await this.sendPeer(exchange, { code: self.identity.code, key: self.key }, peer)) || failed;
    }
    if (this.exchange === exchange && !exchange.connection.isClosed()) this.setState(failed ? 'error' : 'online', failed ? 'delivery failed; retrying' : null);
    this.armRetry();
  }

  /** Publishes this station's signed cursor to each neighbour that is owed one; says whether all went out. */
  private async sendCursors(exchange: Exchange, self: Parameters<typeof cursorBatch>[1], neighbours: Set<string>, resend: Set<string>): Promise<boolean> {
    let ok = true;
    for (const peer of [...this.cursorDue]) {
      this.cursorDue.delete(peer);
      if (!neighbours.has(peer)) continue;
      try {
        await exchange.publish(await cursorBatch(this.options.database, self, peer, resend.has(peer)));
        if (resend.has(peer)) await peersTable(this.options.database).update(peer, { resendRequested: false });
      } catch {
        // Owed still: the next flush (retry timer, next batch, next minute) tries again.
        this.cursorDue.add(peer);
        ok = false;
      }
    }
    return ok;
  }

  private async sendPeer(exchange: Exchange, self: Parameters<typeof nextBatches>[1], peer: string): Promise<boolean> {
    try {
      for (;;) {
        const batches = await nextBatches(this.options.database, self, peer);
        if (batches.length === 0) {
          this.notBefore.delete(peer);
          return true;
        }
        for (const batch of batches) {
          const { bytes } = await exchange.publish(batch);
          await markSent(this.options.database, batch);
          this.options.onSent?.({ peer, events: batch.events.length, bytes });
        }
      }
    } catch (error) {
      const attempts = await markFailed(this.options.database, peer, messageOf(error));
      this.notBefore.set(peer, Date.now() + retryDelayMs(attempts, this.options.random));
      return false;
    }
  }

  private armRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const now = Date.now();
    const next = Math.min(...[...this.notBefore.values()].filter((t) => t > now));
    if (!Number.isFinite(next) || !this.running) return;
    this.retryTimer = setTimeout(() => this.scheduleFlush(), Math.max(50, next - now));
  }
}
