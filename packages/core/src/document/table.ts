/**
 * An id → record table that keeps a stable order: every id gets a sequence number the first
 * time it is stored and keeps it for the table's lifetime, so a record removed and later
 * restored (undo) goes back to its old place. `values()` is cached until the next write.
 */
export class OrderedTable<V> {
  private readonly map = new Map<number, V>();
  private readonly seq = new Map<number, number>();
  private nextSeq = 0;
  private lastSeq = -1;
  private needsSort = false;
  private cache: readonly V[] | null = null;

  /** Number of records. */
  get size(): number {
    return this.map.size;
  }

  get(id: number): V | undefined {
    return this.map.get(id);
  }

  has(id: number): boolean {
    return this.map.has(id);
  }

  /** Replaces the record with this id, or inserts it at its remembered (or a new last) place. */
  set(id: number, value: V): void {
    this.cache = null;
    if (this.map.has(id)) {
      this.map.set(id, value);
      return;
    }
    let s = this.seq.get(id);
    if (s === undefined) {
      s = this.nextSeq++;
      this.seq.set(id, s);
    }
    if (s < this.lastSeq) this.needsSort = true;
    else this.lastSeq = s;
    this.map.set(id, value);
  }

  delete(id: number): void {
    if (this.map.delete(id)) this.cache = null;
  }

  /** Records in order (first insertion order, restored records in their old place). */
  values(): readonly V[] {
    if (this.cache) return this.cache;
    if (this.needsSort) {
      const entries = [...this.map.entries()].sort(
        (a, b) => (this.seq.get(a[0]) ?? 0) - (this.seq.get(b[0]) ?? 0),
      );
      this.map.clear();
      for (const [k, v] of entries) this.map.set(k, v);
      this.needsSort = false;
      const last = entries[entries.length - 1];
      this.lastSeq = last ? (this.seq.get(last[0]) ?? -1) : -1;
    }
    this.cache = Object.freeze([...this.map.values()]);
    return this.cache;
  }
}
