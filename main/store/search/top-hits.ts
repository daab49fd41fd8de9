/** A message that answers a search: its row, how well it matches and when it was written. */
export interface Hit {
  doc: number;
  score: number;
  at: number;
}

/** Better first: a higher score, then the newer message (then the later row, so the order is total). */
function before(a: Hit, b: Hit): boolean {
  return a.score > b.score || (a.score === b.score && (a.at > b.at || (a.at === b.at && a.doc > b.doc)));
}

/**
 * The best `capacity` hits seen so far, best first. Ranking all candidates of a common word to keep 50
 * was most of a search's time; this keeps a short sorted list and turns most candidates away at once.
 */
export class TopHits {
  private readonly hits: Hit[] = [];

  constructor(private readonly capacity: number) {}

  offer(hit: Hit): void {
    const last = this.hits[this.hits.length - 1];
    if (this.hits.length >= this.capacity && last && !before(hit, last)) return;
    let low = 0;
    let high = this.hits.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const other = this.hits[mid];
      if (other && before(other, hit)) low = mid + 1;
      else high = mid;
    }
    this.hits.splice(low, 0, hit);
    if (this.hits.length > this.capacity) this.hits.pop();
  }

  /** Whether a hit scoring `score`, written at `at`, would still be kept. */
  wouldTake(score: number, at: number): boolean {
    const last = this.hits[this.hits.length - 1];
    return (
      this.hits.length < this.capacity ||
      !last ||
      last.score < score ||
      (last.score === score && last.at < at)
    );
  }

  /** Full, and nothing scoring at most `score` and written at or before `at` could get in any more. */
  cannotTake(score: number, at: number): boolean {
    return !this.wouldTake(score, at);
  }

  sorted(): readonly Hit[] {
    return this.hits;
  }
}
