/** Bytes one write sync may carry: Excel on the web refuses requests over 5 MB; this leaves room for estimates. */
export const REQUEST_BUDGET = 3_900_000;

/**
 * Keeps queued writes under the request budget: each write says what it will cost before it is queued, and a
 * sync happens first when it would not fit. Syncs come from the size of the work, never from a row or cell count.
 */
export class WriteBatch {
  private queued = 0;

  constructor(
    private readonly sync: () => Promise<void>,
    readonly budget = REQUEST_BUDGET,
  ) {}

  /** Makes room for `bytes` more of queued work. */
  async reserve(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.budget) {
      await this.sync();
      this.queued = 0;
    }
    this.queued += bytes;
  }
}
