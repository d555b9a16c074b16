import pg from 'pg';

const RECONNECT_MS = 1000;

export interface NotifyLogger {
  error(obj: unknown, msg?: string): void;
}

export interface NotifyChannelOptions {
  url: string;
  channel: string;
  /** The LISTEN connection's application_name, so an operator (and a test) can tell it in pg_stat_activity. */
  applicationName: string;
  /** Names the channel in log lines ("session", "conference"). */
  label: string;
  onMessage(payload: string): void;
  /** The LISTEN connection is not open (before the first, or lost until the reconnect): messages sent meanwhile are missed. */
  onDeaf?(): void;
  /** The LISTEN connection is open (the first time, and after every reconnect). */
  onHearing?(): void;
  logger?: NotifyLogger;
}

/**
 * One PostgreSQL LISTEN/NOTIFY channel between the server processes of a database (`session-events.ts`,
 * `conferences-events.ts`): a dedicated connection that LISTENs and, when it is lost (a database restart), is opened
 * again every second until it listens; and a dedicated connection that sends, opened on the first send and again
 * after a failure. NOTIFY goes on its own connection, not the listening one: the sender's own LISTEN connection then
 * hears it the way every other process does.
 */
export class NotifyChannel {
  private listener?: pg.Client;
  private publisher?: Promise<pg.Client>;
  private closed = false;

  constructor(private readonly options: NotifyChannelOptions) {}

  /** Whether the LISTEN connection is open now. */
  get isListening(): boolean {
    return this.listener !== undefined;
  }

  /** Listens; rejects when the first connection cannot (the caller decides whether the server may start). */
  async start(): Promise<void> {
    this.options.onDeaf?.();
    await this.listen();
  }

  private async listen(): Promise<void> {
    const { url, channel, applicationName, onMessage } = this.options;
    const client = new pg.Client({ connectionString: url, application_name: applicationName });
    client.on('notification', (message) => {
      if (message.channel === channel) {
        onMessage(message.payload ?? '');
      }
    });
    client.on('error', (error) => this.lost(client, error));
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    this.options.onHearing?.();
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.listener !== client) {
      // An attempt that never listened (its `listen()` fails, and its caller retries) or one already closed.
      return;
    }
    this.options.logger?.error({ err: error }, `${this.options.label} LISTEN connection lost; reconnecting`);
    this.listener = undefined;
    this.options.onDeaf?.();
    client.end().catch(() => undefined);
    this.reconnectLater();
  }

  private reconnectLater(): void {
    if (this.closed) {
      return;
    }
    setTimeout(() => {
      this.listen().catch((err: unknown) => {
        this.options.logger?.error({ err }, `${this.options.label} LISTEN reconnect failed`);
        this.reconnectLater();
      });
    }, RECONNECT_MS).unref();
  }

  /**
   * Sends each payload (under 8,000 bytes) as one notification, in one statement. Rejects when the sending
   * connection fails; the next call opens a new one.
   */
  async notify(payloads: string[]): Promise<void> {
    try {
      this.publisher ??= this.connectPublisher();
      const client = await this.publisher;
      await client.query('select pg_notify($1, p) from unnest($2::text[]) p', [this.options.channel, payloads]);
    } catch (error) {
      this.publisher = undefined;
      throw error;
    }
  }

  private async connectPublisher(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.options.url });
    client.on('error', (error) => {
      this.options.logger?.error({ err: error }, `${this.options.label} NOTIFY connection lost`);
      this.publisher = undefined;
    });
    await client.connect();
    return client;
  }

  /** Ends both connections (and stops reconnecting). */
  async close(): Promise<void> {
    this.closed = true;
    const publisher = this.publisher;
    this.publisher = undefined;
    await publisher?.then((client) => client.end()).catch(() => undefined);
    const listener = this.listener;
    this.listener = undefined;
    if (listener) {
      listener.removeAllListeners('error');
      listener.on('error', () => undefined);
      await listener.end().catch(() => undefined);
    }
  }
}
