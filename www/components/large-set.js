// What the views need to stay usable with hundreds or thousands of articles, as
// plain functions over the report: whether a set is large, the articles' order by
// cluster (for the heatmap), each article's nearest neighbours, and a report cut
// down to a few articles (for the views that list every article: quotes, what each
// adds, relations).
//
// Above the engine's `allPairsUpTo` (default 50) the report lists only the pairs
// its candidate index proposed, so "large" starts there: the pairs a view reads
// may be missing, and a table with a cell per pair would not fit anyway.

/** More articles than this: the large-set views (the engine's default `allPairsUpTo`). */
export const LARGE_SET = 50;

/** True when the report (or a count of articles) is too large for the per-pair table. */
export function isLargeSet(reportOrCount) {
  const n = typeof reportOrCount === 'number' ? reportOrCount : reportOrCount?.documents?.length ?? 0;
  return n > LARGE_SET;
}

/** How related a pair is, for ordering and colour: the larger containment direction. */
export function strength(pair) {
  return Math.max(pair.containment.aInB, pair.containment.bInA);
}

/** A pair counts as related when it shares a passage. */
export const related = (pair) => pair.passages.length > 0;

/**
 * Clusters join articles of which one shares at least this much with the other (a
 * wire story republished, not a paragraph borrowed): at a tenth, one borrowed
 * paragraph per article chained 500 of 1,000 test articles into one cluster.
 */
export const CLUSTER_SHARE = 0.25;

/**
 * The articles that share a passage with another, grouped into clusters (connected
 * components of the pairs sharing at least CLUSTER_SHARE), largest cluster first,
 * then the articles that share only a little, one by one; inside a cluster, each
 * next article is the one most related to those already placed (so copies sit
 * together). Returns {order: ids, clusters: [[ids]] (two or more articles),
 * alone: number of articles that share nothing}.
 */
export function clusterOrder(report) {
  const links = new Map(report.documents.map((d) => [d.id, []]));
  const touched = new Set();
  for (const p of report.pairs) {
    if (!related(p)) continue;
    touched.add(p.a).add(p.b);
    const s = strength(p);
    if (s < CLUSTER_SHARE) continue;
    links.get(p.a)?.push({ id: p.b, s });
    links.get(p.b)?.push({ id: p.a, s });
  }
  const seen = new Set();
  const clusters = [];
  for (const d of report.documents) {
    if (seen.has(d.id) || links.get(d.id).length === 0) continue;
    clusters.push(placeCluster(d.id, links, seen));
  }
  clusters.sort((a, b) => b.length - a.length);
  const loose = report.documents.map((d) => d.id).filter((id) => touched.has(id) && !seen.has(id));
  const order = [...clusters.flat(), ...loose];
  return { order, clusters, alone: report.documents.length - order.length };
}

/** One cluster from `start`: greedy, most related next (a small heap would be quicker; clusters are small). */
function placeCluster(start, links, seen) {
  // The cluster's best-connected article first: it is the one the others were drawn from, most often.
  const members = [];
  const stack = [start];
  seen.add(start);
  while (stack.length) {
    const id = stack.pop();
    members.push(id);
    for (const { id: next } of links.get(id)) if (!seen.has(next)) { seen.add(next); stack.push(next); }
  }
  const weight = (id) => links.get(id).reduce((sum, l) => sum + l.s, 0);
  const first = members.reduce((best, id) => (weight(id) > weight(best) ? id : best), members[0]);
  const placed = [first];
  const inCluster = new Set([first]);
  const pull = new Map();
  const add = (id) => { for (const l of links.get(id)) if (!inCluster.has(l.id)) pull.set(l.id, Math.max(pull.get(l.id) ?? 0, l.s)); };
  add(first);
  while (pull.size) {
    let best = null;
    for (const [id, s] of pull) if (!best || s > best.s) best = { id, s };
    pull.delete(best.id);
    inCluster.add(best.id);
    placed.push(best.id);
    add(best.id);
  }
  return placed;
}

/**
 * Article `id`'s nearest neighbours: [{id, pair, share, back}] most related first,
 * at most `k`; `share`: how much of `id` is found in the other, `back`: the other way.
 */
export function neighboursOf(report, id, k = 10) {
  const out = [];
  for (const pair of report.pairs) {
    if (pair.a !== id && pair.b !== id) continue;
    const mine = pair.a === id;
    out.push({ id: mine ? pair.b : pair.a, pair, share: mine ? pair.containment.aInB : pair.containment.bInA, back: mine ? pair.containment.bInA : pair.containment.aInB });
  }
  return out.filter((n) => related(n.pair)).sort((x, y) => strength(y.pair) - strength(x.pair)).slice(0, k);
}

/** The `k` most related pairs of the set, most related first. */
export function topPairs(report, k = 20) {
  return report.pairs.filter(related).sort((x, y) => strength(y) - strength(x)).slice(0, k);
}

/**
 * The report cut down to the articles `ids` (in the report's order): their
 * documents, and the pairs, relations, groups and quote matches among them. The
 * views that list every article read this one in a large set.
 */
export function focusReport(report, ids) {
  const keep = new Set(ids);
  const both = (a, b) => keep.has(a) && keep.has(b);
  const members = (list) => list.filter((m) => keep.has(m.id));
  return {
    ...report,
    documents: report.documents.filter((d) => keep.has(d.id)),
    pairs: report.pairs.filter((p) => both(p.a, p.b)),
    relations: (report.relations ?? []).filter((r) => both(r.from, r.to)),
    groups: (report.groups ?? []).map((g) => ({ ...g, members: members(g.members) })).filter((g) => g.members.length >= 3),
    quoteMatches: (report.quoteMatches ?? []).map((q) => ({ ...q, members: members(q.members) })).filter((q) => q.members.length >= 2),
  };
}

/** The articles the focused views show: the chosen pair and the nearest neighbours of its left article, at most `k`. */
export function focusIds(report, pair, k = 8) {
  const start = pair?.left ?? topPairs(report, 1)[0]?.a ?? report.documents[0]?.id;
  const ids = [start];
  if (pair?.right) ids.push(pair.right);
  for (const n of neighboursOf(report, start, k)) if (ids.length < k && !ids.includes(n.id)) ids.push(n.id);
  return ids;
}
