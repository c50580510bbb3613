import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { HubStore, HubStoreObserver } from '../store/hub-store';
import { describeUnexpectedError, type HubLogger } from './hub-logger';

/**
 * The hub's Prometheus metrics (GET /metrics), in a Registry of their own so that two hubs in one
 * process (tests, the bench) do not share counters. Labels are routes, status codes, error codes,
 * statement labels and school ids: all bounded, none personal.
 */

export const DEFAULT_SLOW_STATEMENT_MS = 250;

// Latency buckets from 5 ms (a pull of nothing) to 30 s (the shutdown cap).
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const STATEMENT_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];

export class HubMetrics {
  readonly registry = new Registry();
  readonly contentType = this.registry.contentType;

  readonly requests = new Counter({ name: 'dala_hub_http_requests_total', help: 'HTTP requests answered, by route and status code.', labelNames: ['route', 'status'], registers: [this.registry] });
  readonly errors = new Counter({ name: 'dala_hub_http_errors_total', help: 'Error answers, by route and hub error code.', labelNames: ['route', 'code'], registers: [this.registry] });
  readonly operationsReceived = new Counter({ name: 'dala_hub_push_operations_received_total', help: 'Operations received in accepted pushes.', registers: [this.registry] });
  readonly duplicateOperations = new Counter({ name: 'dala_hub_push_duplicate_operations_total', help: 'Operations the hub had already applied (retried batches), skipped.', registers: [this.registry] });
  readonly rowsPushed = new Counter({ name: 'dala_hub_rows_pushed_total', help: 'Rows pushes changed on the hub, or sent again when the pushed version lost (each got a new change sequence number).', registers: [this.registry] });
  readonly rowsPulled = new Counter({ name: 'dala_hub_rows_pulled_total', help: 'Changes sent to machines by pulls.', registers: [this.registry] });
  readonly pushDuration = new Histogram({ name: 'dala_hub_push_duration_seconds', help: 'Time to answer a push, body reading included.', buckets: LATENCY_BUCKETS, registers: [this.registry] });
  readonly pullDuration = new Histogram({ name: 'dala_hub_pull_duration_seconds', help: 'Time to answer a pull.', buckets: LATENCY_BUCKETS, registers: [this.registry] });
  readonly statementDuration = new Histogram({ name: 'dala_hub_statement_duration_seconds', help: 'Duration of the statements the store runs, by statement label.', labelNames: ['statement'], buckets: STATEMENT_BUCKETS, registers: [this.registry] });
  readonly slowStatements = new Counter({ name: 'dala_hub_slow_statements_total', help: 'Statements slower than the slow-statement threshold, by statement label.', labelNames: ['statement'], registers: [this.registry] });
  readonly machines = new Gauge({ name: 'dala_hub_machines', help: 'Enrolled machines whose credential is not revoked, per school.', labelNames: ['school_id'], registers: [this.registry] });
  readonly changesNotYetPulled = new Gauge({ name: 'dala_hub_changes_not_yet_pulled', help: "Changes the school's machines have not pulled yet, summed over its machines.", labelNames: ['school_id'], registers: [this.registry] });
  readonly pendingOnMachines = new Gauge({ name: 'dala_hub_pending_on_machines', help: 'Operations machines said were still waiting on them at their last push, per school.', labelNames: ['school_id'], registers: [this.registry] });
  readonly gaugeScrapeFailures = new Counter({ name: 'dala_hub_gauge_scrape_failures_total', help: 'Scrapes where the per-school gauges could not be read from PostgreSQL.', registers: [this.registry] });

  private store: HubStore | undefined;
  private logger: HubLogger | undefined;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    // Process metrics (CPU, memory, event-loop lag, open handles) with their standard names.
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /**
   * What the store reports of every statement: the histogram, and a warning line for one slower
   * than `slowStatementMs`. Made before the store is opened (the store takes it as an option).
   */
  storeObserver(logger: HubLogger, slowStatementMs = DEFAULT_SLOW_STATEMENT_MS): HubStoreObserver {
    return {
      statement: (name, durationSeconds) => {
        this.statementDuration.observe({ statement: name }, durationSeconds);
        const ms = durationSeconds * 1000;
        if (ms >= slowStatementMs) {
          this.slowStatements.inc({ statement: name });
          logger.warn('slow statement', { statement: name, ms: Math.round(ms) });
        }
      },
    };
  }

  /** Connects the per-school gauges to a store: read from PostgreSQL at every scrape, not polled. */
  attachStore(store: HubStore, logger: HubLogger): void {
    this.store = store;
    this.logger = logger;
  }

  /** The Prometheus text: refreshes the per-school gauges first (a failure leaves them empty). */
  async scrape(): Promise<string> {
    await this.refreshSchoolGauges();
    return this.registry.metrics();
  }

  private async refreshSchoolGauges(): Promise<void> {
    if (!this.store) return;
    // Reset first: a school whose last machine was revoked, or a failed read, shows no stale value.
    this.machines.reset();
    this.changesNotYetPulled.reset();
    this.pendingOnMachines.reset();
    try {
      for (const school of await this.store.schoolGauges()) {
        const labels = { school_id: school.schoolId };
        this.machines.set(labels, school.machines);
        this.changesNotYetPulled.set(labels, school.changesNotYetPulled);
        this.pendingOnMachines.set(labels, school.pendingOnMachines);
      }
    } catch (error) {
      this.gaugeScrapeFailures.inc();
      const { error: what, code } = describeUnexpectedError(error);
      this.logger?.warn('could not read the per-school gauges', { error: what, ...(code ? { code } : {}) });
    }
  }
}
