/**
 * Min-cost flow on typed arrays: the primal–dual method. Given node supplies (`excess`) and a
 * residual graph whose arc costs are all ≥ 0, it repeats: Dijkstra from every node with excess
 * (reduced costs, so no negative arcs), raise the potentials by min(distance, D) where D is the
 * distance to the nearest deficit, then send a maximum preflow through the arcs of zero reduced
 * cost (FIFO push–relabel with global relabeling: a reverse BFS from the deficits gives exact
 * labels, and a node that cannot reach a deficit is set aside at label n with its excess, which
 * the next phase's Dijkstra picks up wherever it sits). Every phase raises D, so the number of
 * phases is the number of distinct shortest-path lengths — a handful for the allocation
 * networks, whose costs are small integers.
 *
 * Why push–relabel and not Dinic: at Erasmus size (5.8 million arcs) Dinic needed ~130
 * rounds, most of them finding a handful of long augmenting paths, and each round's BFS still
 * walked from every hopeless source over the whole graph (≈ 45 CPU s). Global relabeling
 * starts from the deficits, so hopeless excess costs nothing; the same flow takes ≈ 12 CPU s.
 *
 * Exactness: costs and capacities are integers, so potentials and flows stay integers (exact
 * in float64 below 2^53); pushes use only arcs of zero reduced cost, whose residual twins also
 * have zero reduced cost, so reduced costs stay ≥ 0 on every residual arc, which certifies the
 * final flow as a minimum-cost one.
 */

export class FlowGraph {
  readonly n: number;
  m = 0;
  readonly head: Int32Array;
  next: Int32Array;
  to: Int32Array;
  cap: Int32Array;
  cost: Float64Array;
  readonly excess: Float64Array;

  constructor(n: number, arcCapacity: number) {
    this.n = n;
    this.head = new Int32Array(n).fill(-1);
    const size = Math.max(2, 2 * arcCapacity);
    this.next = new Int32Array(size);
    this.to = new Int32Array(size);
    this.cap = new Int32Array(size);
    this.cost = new Float64Array(size);
    this.excess = new Float64Array(n);
  }

  private grow(): void {
    const size = this.to.length * 2;
    const g = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.next = g(this.next, (n) => new Int32Array(n));
    this.to = g(this.to, (n) => new Int32Array(n));
    this.cap = g(this.cap, (n) => new Int32Array(n));
    this.cost = g(this.cost, (n) => new Float64Array(n));
  }

  /** Adds u→v (and its residual v→u); returns the index of the forward arc (even). */
  addArc(u: number, v: number, capacity: number, cost: number): number {
    if (this.m + 2 > this.to.length) this.grow();
    const e = this.m;
    this.to[e] = v;
    this.cap[e] = capacity;
    this.cost[e] = cost;
    this.next[e] = this.head[u]!;
    this.head[u] = e;
    this.to[e + 1] = u;
    this.cap[e + 1] = 0;
    this.cost[e + 1] = -cost;
    this.next[e + 1] = this.head[v]!;
    this.head[v] = e + 1;
    this.m += 2;
    return e;
  }

  /** Pushes `amount` over arc e up front (used to saturate negative-cost arcs). */
  push(e: number, amount: number): void {
    this.cap[e]! -= amount;
    this.cap[e ^ 1]! += amount;
    this.excess[this.to[e ^ 1]!]! -= amount;
    this.excess[this.to[e]!]! += amount;
  }

  /** Flow currently on forward arc e. */
  flow(e: number): number {
    return this.cap[e ^ 1]!;
  }

  /** Sets forward arc e's capacity, pushing back any flow above it (the solver reroutes it). */
  setCapacity(e: number, capacity: number): void {
    const f = this.cap[e ^ 1]!;
    if (f > capacity) this.push(e ^ 1, f - capacity);
    this.cap[e] = capacity - this.cap[e ^ 1]!;
  }

  /** Reduced cost of arc e under potentials pi. */
  reducedCost(e: number, pi: Float64Array): number {
    return this.cost[e]! + pi[this.to[e ^ 1]!]! - pi[this.to[e]!]!;
  }

  /**
   * Warm start after costs or capacities changed: saturates every residual arc whose reduced
   * cost under pi became negative, so that `solveMinCostFlow(g, pi)` may start from pi.
   */
  restoreReducedCosts(pi: Float64Array): void {
    for (let e = 0; e < this.m; e++) {
      if (this.cap[e]! > 0 && this.reducedCost(e, pi) < 0) this.push(e, this.cap[e]!);
    }
  }

  /** An independent copy (flows, costs, capacities and supplies). */
  clone(): FlowGraph {
    const g = new FlowGraph(this.n, 1);
    g.head.set(this.head);
    g.m = this.m;
    g.next = this.next.slice();
    g.to = this.to.slice();
    g.cap = this.cap.slice();
    g.cost = this.cost.slice();
    g.excess.set(this.excess);
    return g;
  }
}

export interface FlowStats {
  phases: number;
  /** Pushes made by push–relabel (the name predates it: each was an augmentation). */
  augmentations: number;
  /** Supply left unrouted (0 unless the network cannot absorb it). */
  unrouted: number;
}

/**
 * Routes all excess to deficits at minimum cost. Requires every residual reduced cost ≥ 0 under
 * the potentials `pi` (all zero when omitted: every residual cost ≥ 0). A `pi` passed in is
 * updated in place and, on return, certifies the flow optimal: every residual arc has a
 * reduced cost ≥ 0 (a warm start reuses it, see `restoreReducedCosts`).
 */
export function solveMinCostFlow(g: FlowGraph, potentials?: Float64Array): FlowStats {
  const n = g.n;
  const m = g.m;
  const excess = g.excess;
  // Compressed sparse rows: the arcs of a node are contiguous (cache-friendly scans); `rev`
  // pairs each arc with its residual twin.
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) start[g.to[e ^ 1]! + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const newPos = new Int32Array(m);
  for (let e = 0; e < m; e++) newPos[e] = fill[g.to[e ^ 1]!]!++;
  const to = new Int32Array(m);
  const cap = new Int32Array(m);
  const cost = new Float64Array(m);
  const rev = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const p = newPos[e]!;
    to[p] = g.to[e]!;
    cap[p] = g.cap[e]!;
    cost[p] = g.cost[e]!;
    rev[p] = newPos[e ^ 1]!;
  }
  const tail = new Int32Array(m);
  for (let v = 0; v < n; v++) for (let e = start[v]!; e < start[v + 1]!; e++) tail[e] = v;

  const pi = potentials ?? new Float64Array(n);
  const dist = new Float64Array(n);
  const label = new Int32Array(n);
  const it = new Int32Array(n);
  const queue = new Int32Array(n);
  const active = new Int32Array(n);
  const inQueue = new Uint8Array(n);
  /** 1 when the arc has zero reduced cost in the current phase (so does its twin). */
  const adm = new Uint8Array(m);
  let heapKey = new Float64Array(1024);
  let heapNode = new Int32Array(1024);
  let phases = 0;
  let augmentations = 0;

  for (;;) {
    // Dijkstra from all sources over reduced costs (lazy binary heap).
    dist.fill(Infinity);
    let hs = 0;
    const heapPush = (key: number, node: number): void => {
      if (hs === heapKey.length) {
        const k2 = new Float64Array(hs * 2);
        k2.set(heapKey);
        heapKey = k2;
        const n2 = new Int32Array(hs * 2);
        n2.set(heapNode);
        heapNode = n2;
      }
      let i = hs++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (heapKey[p]! <= key) break;
        heapKey[i] = heapKey[p]!;
        heapNode[i] = heapNode[p]!;
        i = p;
      }
      heapKey[i] = key;
      heapNode[i] = node;
    };
    let sources = 0;
    for (let v = 0; v < n; v++) {
      if (excess[v]! > 0) {
        dist[v] = 0;
        heapPush(0, v);
        sources++;
      }
    }
    if (sources === 0) break;
    let D = Infinity;
    while (hs > 0) {
      const d = heapKey[0]!;
      const u = heapNode[0]!;
      hs--;
      if (hs > 0) {
        const key = heapKey[hs]!;
        const node = heapNode[hs]!;
        let i = 0;
        for (;;) {
          let ch = 2 * i + 1;
          if (ch >= hs) break;
          if (ch + 1 < hs && heapKey[ch + 1]! < heapKey[ch]!) ch++;
          if (heapKey[ch]! >= key) break;
          heapKey[i] = heapKey[ch]!;
          heapNode[i] = heapNode[ch]!;
          i = ch;
        }
        heapKey[i] = key;
        heapNode[i] = node;
      }
      if (d > dist[u]!) continue;
      if (d > D) break;
      if (excess[u]! < 0 && d < D) D = d;
      const pu = pi[u]!;
      const end = start[u + 1]!;
      for (let e = start[u]!; e < end; e++) {
        if (cap[e]! <= 0) continue;
        const v = to[e]!;
        const nd = d + cost[e]! + pu - pi[v]!;
        if (nd < dist[v]!) {
          dist[v] = nd;
          heapPush(nd, v);
        }
      }
    }
    if (D === Infinity) break; // no deficit reachable: infeasible remainder
    for (let v = 0; v < n; v++) {
      const d = dist[v]!;
      pi[v]! += d < D ? d : D;
    }
    for (let e = 0; e < m; e++) adm[e] = cost[e]! + pi[tail[e]!]! - pi[to[e]!]! === 0 ? 1 : 0;
    phases++;

    // Maximum preflow over the zero-reduced-cost arcs: FIFO push–relabel with global
    // relabeling. Labels are exact distances to the nearest deficit after each global
    // relabel (a reverse BFS); a node that cannot reach one gets label n and keeps its excess
    // for the next phase. Deficits keep label 0 (they only absorb). Excess parked at an inner
    // node is fine: the next Dijkstra starts from every node with excess.
    const globalRelabel = (): number => {
      label.fill(n);
      let qh = 0;
      let qt = 0;
      for (let v = 0; v < n; v++) {
        if (excess[v]! < 0) {
          label[v] = 0;
          queue[qt++] = v;
        }
      }
      while (qh < qt) {
        const v = queue[qh++]!;
        const lv = label[v]! + 1;
        const end = start[v + 1]!;
        for (let e = start[v]!; e < end; e++) {
          const u = to[e]!;
          if (label[u] !== n) continue;
          const r = rev[e]!; // u → v
          if (cap[r]! <= 0 || adm[r] === 0) continue;
          label[u] = lv;
          queue[qt++] = u;
        }
      }
      // The active nodes, in a circular FIFO.
      let na = 0;
      for (let v = 0; v < n; v++) {
        inQueue[v] = 0;
        it[v] = start[v]!;
        if (excess[v]! > 0 && label[v]! < n) {
          active[na++] = v;
          inQueue[v] = 1;
        }
      }
      return na;
    };
    let count = globalRelabel();
    let head = 0;
    let work = 0;
    const relabelEvery = 6 * n + m;
    while (count > 0) {
      const u = active[head]!;
      head = head + 1 === n ? 0 : head + 1;
      count--;
      inQueue[u] = 0;
      const end = start[u + 1]!;
      while (excess[u]! > 0 && label[u]! < n) {
        const e = it[u]!;
        if (e === end) {
          // Relabel: one above the lowest admissible neighbour.
          let low = n;
          for (let f = start[u]!; f < end; f++) {
            if (cap[f]! > 0 && adm[f] === 1 && label[to[f]!]! < low) low = label[to[f]!]!;
          }
          label[u] = low + 1 < n ? low + 1 : n;
          it[u] = start[u]!;
          work += end - start[u]! + 12;
          continue;
        }
        const v = to[e]!;
        if (cap[e]! > 0 && adm[e] === 1 && label[u] === label[v]! + 1) {
          const f = Math.min(excess[u]!, cap[e]!);
          cap[e]! -= f;
          cap[rev[e]!]! += f;
          excess[u]! -= f;
          const before = excess[v]!;
          excess[v] = before + f;
          augmentations++;
          if (before <= 0 && before + f > 0 && inQueue[v] === 0) {
            let tailPos = head + count;
            if (tailPos >= n) tailPos -= n;
            active[tailPos] = v;
            inQueue[v] = 1;
            count++;
          }
          if (cap[e]! > 0) continue;
        }
        it[u] = e + 1;
      }
      if (work > relabelEvery && count > 0) {
        work = 0;
        count = globalRelabel();
        head = 0;
      }
    }
  }
  // Write the flows back into the builder's arrays (arc indices the caller holds).
  for (let e = 0; e < m; e++) g.cap[e] = cap[newPos[e]!]!;
  let unrouted = 0;
  for (let v = 0; v < n; v++) if (excess[v]! > 0) unrouted += excess[v]!;
  return { phases, augmentations, unrouted };
}
