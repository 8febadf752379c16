// The views' stylesheet, shared by the element's shadow root and the page (for the
// components the page renders itself, such as the add form). Kept as a string in a
// module so that it loads the same way everywhere: served, bundled, or from file://
// in the offline file, and under a CSP (a constructed stylesheet is no inline style).
//
// Theming: every colour is a `--parallax-*` custom property with a default; the
// palette is blue and orange, which readers with any common colour-vision
// deficiency tell apart, and every text colour passes WCAG AA on its background.
export const viewsCss = String.raw`
:host, :root {
  --ink: var(--parallax-ink, #1a202c);
  --muted: var(--parallax-muted, #4a5568);
  --line: var(--parallax-line, #cbd5e0);
  --paper: var(--parallax-paper, #ffffff);
  --tint: var(--parallax-tint, #f7fafc);
  --accent: var(--parallax-accent, #2b6cb0);
  --mark: var(--parallax-mark, #fbe7a1);
  --mark-active: var(--parallax-mark-active, #f6ad55);
  --focus: var(--parallax-focus, #b83280);
  /* The matrix's strongest cell: light enough that its dark text keeps 4.5:1 (5.9:1). */
  --heat: var(--parallax-heat, #6f9fd8);
  --error: var(--parallax-error, #c53030);
  --warning: var(--parallax-warning, #975a16);
}
:host {
  display: block;
  container-type: inline-size;
  min-width: 0;
  color: var(--ink);
  background: var(--paper);
  font-family: var(--parallax-font, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif);
  line-height: 1.5;
}
:host([hidden]) { display: none; }
:host * { box-sizing: border-box; }
:host h2 { font-size: 1.3rem; margin: 0 0 0.5rem; }
:host h3 { font-size: 1.05rem; margin: 0.5rem 0; }
:host h4 { font-size: 0.9rem; margin: 0.75rem 0 0.25rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
:host button, :host input, :host select, :host textarea { font: inherit; }
:host button, .add-article button, .message button {
  cursor: pointer; border: 1px solid var(--line); background: var(--tint); color: var(--ink);
  border-radius: 0.35rem; padding: 0.3rem 0.7rem; min-height: 2rem;
}
:host button:hover { border-color: var(--accent); }
:host button:disabled { cursor: default; color: var(--muted); }
:host button.primary, .add-article button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
:host :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }

/* The element's frame: one column when narrow, articles beside the matrix when wide. */
.layout { display: grid; gap: 1.5rem; grid-template-columns: minmax(0, 1fr); grid-template-areas: "status" "articles" "matrix" "pair" "relations" "quotes" "adds" "terms"; }
.layout > section { min-width: 0; }
/* The views below the first two are laid out and painted only near the screen: a change of
   setting redrew the matrix and the pair view and relaid out the whole element, 23 ms on the
   seeds (the terms and quotes are 2,500 of its 3,000 elements), 4 ms with this (www/README.md,
   "The session"). Their size, once drawn, is remembered (auto), so the page does not jump as
   they come into view. */
.layout > section:not([data-view="articles"], [data-view="matrix"]) { content-visibility: auto; contain-intrinsic-size: auto 40rem; }
.layout > [data-view="articles"] { grid-area: articles; }
.layout > [data-view="matrix"] { grid-area: matrix; }
.layout > [data-view="pair"] { grid-area: pair; }
.layout > [data-view="terms"] { grid-area: terms; }
.layout > [data-view="relations"] { grid-area: relations; }
.layout > [data-view="quotes"] { grid-area: quotes; }
.layout > [data-view="adds"] { grid-area: adds; }
.layout > .status-area { grid-area: status; }
@container (min-width: 50rem) {
  .layout { grid-template-columns: minmax(16rem, 22rem) minmax(0, 1fr); grid-template-areas: "status status" "articles matrix" "pair pair" "relations relations" "quotes quotes" "adds adds" "terms terms"; }
}
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
/* A fresh element's views before its first comparison (FIRST_LIST_WAIT_MS at most): not
   shown, rather than shown empty and then pushed about by the list. */
.layout.waiting { visibility: hidden; }
/* One row as high as its Cancel button at any width, which it keeps when hidden: when it came
   and went, everything below it moved. Where the row is narrow its text takes two smaller lines
   in that height, then is cut short (whole in its tooltip, and announced). */
.status { display: flex; gap: 0.5rem 1rem; align-items: center; font-weight: 600; color: var(--accent); }
.status[hidden] { display: flex; visibility: hidden; }
.status > * { flex: none; }
.status > .status-text {
  flex: 0 1 auto; min-width: 0; line-height: 1.2; overflow: hidden;
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2;
}
.status-seconds { font-variant-numeric: tabular-nums; }
.status progress { width: 8rem; accent-color: var(--accent); }
@container (max-width: 32rem) {
  .status { gap: 0.5rem; }
  .status > .status-text { font-size: 0.8rem; }
  .status progress { display: none; }
}
.spinner { display: inline-block; width: 0.9em; height: 0.9em; border: 2px solid currentColor; border-right-color: transparent; border-radius: 50%; animation: spin 0.8s linear infinite; vertical-align: -0.1em; }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .spinner { animation: none; } }

.messages { list-style: none; margin: 0.5rem 0; padding: 0; }
.message { display: flex; gap: 0.5rem; align-items: center; padding: 0.4rem 0.75rem; margin: 0.25rem 0; border-radius: 0.35rem; border: 1px solid var(--line); background: var(--tint); color: var(--ink); }
.message-text { flex: 1; overflow-wrap: anywhere; }
.message-error { border-color: var(--error); background: #fff5f5; color: var(--error); }
.message-warning { border-color: #d69e2e; background: #fffbeb; color: var(--warning); }
.message .message-close { min-height: 1.6rem; padding: 0 0.5rem; }

.empty { color: var(--muted); font-style: italic; }
.hint { color: var(--muted); font-size: 0.85rem; margin: 0.25rem 0; }

/* Article list */
.article-list { list-style: none; padding: 0; margin: 0 0 1rem; counter-reset: art; }
.article { position: relative; padding: 0.5rem 5.5rem 0.5rem 2rem; border-bottom: 1px solid var(--line); counter-increment: art; }
.article::before { content: counter(art); position: absolute; left: 0.25rem; top: 0.5rem; font-weight: 700; color: var(--accent); }
.article-title { display: block; font-weight: 600; overflow-wrap: anywhere; }
.article-id { display: block; font-size: 0.75rem; color: var(--muted); overflow-wrap: anywhere; }
.article-facts { font-size: 0.85rem; color: var(--muted); }
.article .remove { position: absolute; right: 0; top: 0.5rem; }

/* Adding an article (rendered by the page, in its own DOM) */
.add-article { display: grid; gap: 0.25rem; padding: 0.5rem; border: 2px dashed transparent; border-radius: 0.4rem; }
.add-article.dragging { border-color: var(--accent); background: var(--tint); }
.add-article input[type=text], .add-article input[type=url], .add-article textarea { width: 100%; padding: 0.35rem; border: 1px solid var(--line); border-radius: 0.3rem; font: inherit; }
.add-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-top: 0.25rem; }
.add-url { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.add-url input { flex: 1 1 12rem; }
.file-label { font-size: 0.9rem; }
.file-label input { max-width: 100%; }

/* Large sets (components/heatmap.js, the virtualised article list, the focused views) */
.virtual-scroll { position: relative; height: min(32rem, 70vh); overflow-y: auto; border: 1px solid var(--line); border-radius: 0.35rem; }
.virtual-rows { position: relative; margin: 0; }
.virtual-row { position: absolute; left: 0; right: 0; height: 68px; overflow: hidden; padding-top: 0.35rem; padding-bottom: 0.35rem; }
.virtual-row .article-title, .virtual-row .article-id, .virtual-row .article-facts { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.virtual-row .remove { right: 0.25rem; top: 0.35rem; }
:host button.article-open { display: block; width: 100%; text-align: left; background: none; border: 0; padding: 0; min-height: 0; color: var(--accent); font-weight: 600; text-decoration: underline; }
.metric[hidden] { display: none; }
.heatmap-summary { margin: 0 0 0.5rem; }
canvas.heatmap { display: block; image-rendering: pixelated; border: 1px solid var(--line); cursor: crosshair; aspect-ratio: 1; height: auto; }
.neighbour-lists { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); margin-top: 1rem; }
.neighbour-list ol { padding-left: 1.5rem; margin: 0; }
.neighbour-list li { margin: 0.15rem 0; }
:host button.link { background: none; border: 0; padding: 0.1rem 0; min-height: 0; text-align: left; color: var(--ink); vertical-align: top; }
:host button.link:hover { text-decoration: underline; }
.neighbour-list .share { font-weight: 700; color: var(--accent); font-variant-numeric: tabular-nums; }
.focus-note { margin-top: 0; }
.bulk-add { display: grid; gap: 0.35rem; padding: 0.5rem; }
.bulk-head { font-weight: 600; margin: 0; }
.bulk-progress { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; font-weight: 600; color: var(--accent); }
.bulk-progress[hidden] { display: none; }
.bulk-progress progress { width: 8rem; accent-color: var(--accent); }

/* Matrix */
.metric { display: inline-block; margin-bottom: 0.5rem; }
.matrix-scroll { overflow-x: auto; }
table.matrix { border-collapse: collapse; font-variant-numeric: tabular-nums; }
/* A matrix wider than the element scrolls sideways; its caption stays in view and wraps to the element's width. */
.matrix caption { caption-side: top; text-align: left; color: var(--muted); font-size: 0.9rem; padding-bottom: 0.5rem; position: sticky; left: 0; max-width: 100cqw; }
.matrix th, .matrix td { border: 1px solid var(--line); padding: 0; text-align: center; }
.matrix th { font-weight: 600; font-size: 0.85rem; padding: 0.3rem 0.5rem; background: var(--tint); }
.matrix .row-head { text-align: left; max-width: 16rem; overflow-wrap: break-word; }
.matrix .col-head { max-width: 8rem; vertical-align: bottom; overflow-wrap: break-word; }
.matrix .num { color: var(--accent); font-weight: 700; }
.matrix .corner { font-weight: 400; font-size: 0.75rem; color: var(--muted); }
.matrix .corner span { display: block; }
.matrix .corner-cols { text-align: right; }
.matrix .diagonal { color: var(--muted); min-width: 4.5rem; }
.matrix .shared { padding: 0 0.5rem; }
.matrix .cell {
  --v: 0;
  width: 100%; min-width: 4.5rem; min-height: 2.5rem; border: 0; border-radius: 0; white-space: nowrap; padding: 0.2rem 0.3rem;
  background: color-mix(in srgb, var(--heat) calc(var(--v) * 100%), #ffffff);
  color: var(--ink);
}
.matrix .cell.dark { font-weight: 700; }
.matrix .cell[aria-pressed=true] { outline: 3px solid var(--mark-active); outline-offset: -3px; }
.matrix .cell:focus-visible { outline: 3px solid var(--focus); outline-offset: -3px; }
@container (max-width: 40rem) {
  /* Narrow: the column heads show only the article's number, as in the list. */
  .matrix .col-head .short { display: none; }
  .matrix th { padding: 0.2rem 0.3rem; }
  .matrix .row-head { max-width: 6.5rem; font-size: 0.75rem; }
  .matrix .cell, .matrix .diagonal { min-width: 2.6rem; font-size: 0.85rem; }
  .matrix .corner { font-size: 0.65rem; max-width: 4rem; }
  .matrix .shared { padding: 0 0.25rem; font-size: 0.85rem; }
}

/* Groups */
.groups { padding-left: 1.25rem; }
/* A large set has hundreds of groups (800 at 1,000 articles): the ones out of view are
   not laid out until scrolled to, which took a third of the first comparison's frame. */
.group { content-visibility: auto; contain-intrinsic-size: auto 6rem; }
.group blockquote { margin: 0.25rem 0; font-family: Georgia, "Times New Roman", serif; border-left: 3px solid var(--mark-active); padding-left: 0.5rem; overflow-wrap: anywhere; }
.group-members { margin: 0 0 0.5rem; font-size: 0.85rem; color: var(--muted); }
.export { display: flex; flex-wrap: wrap; gap: 0.5rem; }

/* Pair view */
.pair-controls { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
.pair-controls input[type=range] { width: 12rem; max-width: 100%; }
.nav { display: inline-flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
.passage-position { font-size: 0.9rem; color: var(--muted); min-width: 10rem; text-align: center; }
.pair-summary { font-weight: 500; }
.sides { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; }
@container (max-width: 40rem) { .sides { grid-template-columns: minmax(0, 1fr); } }
.side-title { font-size: 1rem; overflow-wrap: anywhere; }
.pane {
  position: relative; white-space: pre-wrap; overflow-wrap: anywhere; overflow-y: auto;
  max-height: 32rem; padding: 0.75rem; border: 1px solid var(--line); border-radius: 0.35rem;
  font-family: Georgia, "Times New Roman", serif; font-size: 1rem; line-height: 1.6;
}
@container (max-width: 40rem) { .pane { max-height: 22rem; } }
/* Blocks out of view are not laid out, so that very long articles open at once. */
.pane.long .chunk { content-visibility: auto; contain-intrinsic-size: auto 40rem; }
mark.passage { background: var(--mark); color: inherit; border-radius: 0.15rem; cursor: pointer; }
mark.passage[data-label]::before {
  content: attr(data-label); margin-right: 0.25rem; padding: 0 0.3rem; border-radius: 0.6rem;
  font: 600 0.7rem/1.4 system-ui, sans-serif; background: var(--mark-active); color: var(--ink); vertical-align: 0.1em;
}
mark.passage.active { background: var(--mark-active); box-shadow: 0 0 0 2px var(--mark-active); }
mark.passage:focus-visible { outline: 3px solid var(--focus); }

/* Terms */
.text-controls { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; align-items: center; margin-bottom: 1rem; }
.text-controls .hint { flex-basis: 100%; }
.text-controls .extra { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; flex: 1 1 16rem; }
.text-controls textarea { flex: 1; min-width: 10rem; border: 1px solid var(--line); border-radius: 0.3rem; padding: 0.3rem; }
.terms-grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(min(17rem, 100%), 1fr)); }
.terms-card { border: 1px solid var(--line); border-radius: 0.4rem; padding: 0.5rem 0.75rem; min-width: 0; }
.terms-card h3 { overflow-wrap: anywhere; }
.bars { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: auto 1fr auto; gap: 0.15rem 0.5rem; align-items: center; }
.bars li { display: contents; }
:host .term { padding: 0.05rem 0.4rem; min-height: 1.7rem; border-color: transparent; background: transparent; text-align: left; overflow-wrap: anywhere; }
:host .term:hover { border-color: var(--accent); }
.bar-track { display: block; height: 0.8rem; background: var(--tint); border-radius: 0.2rem; }
.bar { --w: 0; display: block; height: 100%; width: calc(var(--w) * 100%); background: var(--accent); border-radius: 0.2rem; }
.bar-value { font-size: 0.8rem; color: var(--muted); font-variant-numeric: tabular-nums; text-align: right; }
.chips { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem; }
.chips li { display: inline-flex; align-items: center; border: 1px solid var(--line); border-radius: 1rem; padding-right: 0.5rem; }
.chip-count { font-size: 0.75rem; color: var(--muted); }
.stats { display: grid; grid-template-columns: auto auto; gap: 0 1rem; font-size: 0.85rem; margin: 0; }
.stats dt { color: var(--muted); }
.stats dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
.kwic-panel:not(:empty) { border: 1px solid var(--line); border-radius: 0.4rem; padding: 0.5rem 0.75rem; margin-bottom: 1rem; max-height: 24rem; overflow-y: auto; }
.kwic { list-style: none; margin: 0; padding: 0; font-size: 0.9rem; }
.kwic-line { display: grid; grid-template-columns: minmax(6rem, 12rem) minmax(0, 1fr) auto minmax(0, 1fr); gap: 0.5rem; padding: 0.15rem 0; border-bottom: 1px solid var(--tint); }
.kwic-source { color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
/* Flex end alignment lets an over-long left context overflow on the left, keeping the words next to the match. */
.kwic-left { display: flex; justify-content: flex-end; overflow: hidden; white-space: nowrap; }
.kwic-right { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.kwic-match { background: var(--mark); font-weight: 700; }
@container (max-width: 40rem) {
  .kwic-line { grid-template-columns: minmax(0, 1fr) auto minmax(0, 1fr); }
  .kwic-source { grid-column: 1 / -1; }
}
/* ================================================================ news views (issue 7)
   Quotes, what each adds, the relation graph, and the pair view's word diff and
   boilerplate. One block, so that it moves as one. Colours from the Okabe–Ito set
   (safe for colour-blind readers), each paired with a shape: underline, strike-through,
   dashes, line width. */
:host, :root {
  --ins-bg: var(--parallax-ins-bg, #dbeafe); --ins-line: var(--parallax-ins-line, #1d4ed8);
  --del-bg: var(--parallax-del-bg, #ffe4d6); --del-ink: var(--parallax-del-ink, #7c2d12);
  --dim-ink: var(--parallax-dim-ink, #5a6472);
  --claim: var(--parallax-claim, #f9a8d4);
  --rel-copy: var(--parallax-rel-copy, #c2410c); --rel-partial: var(--parallax-rel-partial, #0072b2); --rel-common: var(--parallax-rel-common, #007a5a);
}
.sr-only {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}

/* Word diff: inserted words underlined, missing words struck through, never colour alone. */
ins { text-decoration: underline 0.12em var(--ins-line); text-underline-offset: 0.18em; background: var(--ins-bg); color: var(--ink); }
del { text-decoration: line-through 0.1em; background: var(--del-bg); color: var(--del-ink); }

/* Pair view: edited words, boilerplate, a claim's passage. */
.pair-legend { margin: 0.25rem 0 0.5rem; }
.legend-changed, .pane .changed { text-decoration: underline 0.15em var(--ins-line); text-underline-offset: 0.2em; font-weight: 600; }
.legend-boilerplate, .pane .boilerplate { color: var(--dim-ink); font-style: italic; }
.pane .boilerplate { background: #eef1f5; }
.boilerplate-kind::before {
  content: attr(data-kind); display: inline-block; margin-right: 0.3rem; padding: 0 0.35rem; border: 1px solid var(--dim-ink);
  border-radius: 0.25rem; font: 600 0.7rem/1.4 system-ui, sans-serif; color: var(--dim-ink); text-transform: uppercase; letter-spacing: 0.03em;
  font-style: normal; vertical-align: 0.1em;
}
.line-toggle {
  min-height: 0; padding: 0 0.35rem; margin-right: 0.3rem; font: 500 0.72rem/1.5 system-ui, sans-serif; vertical-align: 0.1em;
  border-color: var(--dim-ink); background: var(--paper); color: var(--ink);
}
.line-toggle::before { content: attr(data-label); }
.edit-lines[aria-pressed=true] { background: var(--ink); color: var(--paper); }
.exclude-boilerplate { display: inline-flex; gap: 0.35rem; align-items: center; }
.pane .claim { background: var(--claim); box-shadow: 0 0 0 2px var(--focus); border-radius: 0.1rem; }
.pane .claim:focus { outline: none; }

/* Quotes table: a grid on a laptop; on a phone, each row a card with its cells stacked. */
.quotes-scroll { overflow-x: auto; }
table.quotes { border-collapse: collapse; width: 100%; min-width: 40rem; font-size: 0.92rem; }
.quotes caption { caption-side: top; text-align: left; color: var(--muted); font-size: 0.9rem; padding-bottom: 0.5rem; }
.quotes th, .quotes td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
.quotes thead th { background: var(--tint); font-size: 0.85rem; }
.quotes .col-head .num { color: var(--accent); font-weight: 700; }
.quotes .speaker { min-width: 8rem; max-width: 12rem; background: var(--tint); }
.quotes .speaker-name { display: block; font-weight: 600; overflow-wrap: anywhere; padding: 0 0.2rem; }
.quotes .unattributed { font-weight: 400; font-style: italic; color: var(--muted); }
.quotes .quote-meta { display: block; font-weight: 400; font-size: 0.8rem; color: var(--muted); }
.quotes .no-quote { color: var(--muted); text-align: center; vertical-align: middle; }
.quote-wording {
  display: block; width: 100%; text-align: left; border-color: transparent; background: transparent; padding: 0.15rem 0.25rem;
  font-family: Georgia, "Times New Roman", serif; line-height: 1.45; overflow-wrap: anywhere;
}
.quote-wording:hover { border-color: var(--accent); background: var(--tint); }
.quote-wording.reference { border-left: 3px solid var(--mark-active); border-radius: 0; }
@container (max-width: 40rem) {
  table.quotes { min-width: 0; }
  .quotes thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .quotes tr, .quotes th, .quotes td { display: block; }
  .quotes tr { border: 1px solid var(--line); border-radius: 0.35rem; margin-bottom: 0.75rem; }
  .quotes th, .quotes td, .quotes .speaker { border: 0; border-top: 1px solid var(--line); max-width: none; }
  .quotes td::before { content: attr(data-label); display: block; font: 600 0.75rem/1.4 system-ui, sans-serif; color: var(--muted); }
  .quotes td.no-quote { display: none; }
}

/* What each adds */
.adds-grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); }
.adds-card { border: 1px solid var(--line); border-radius: 0.4rem; padding: 0.5rem 0.75rem; min-width: 0; }
.adds-card h3 { overflow-wrap: anywhere; }
.adds-card .meta { display: grid; grid-template-columns: auto 1fr; gap: 0 0.75rem; font-size: 0.85rem; margin: 0; }
.adds-card .meta dt { color: var(--muted); }
.adds-card .meta dd { margin: 0; overflow-wrap: anywhere; }
.claims { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.25rem; }
.claim-link {
  min-height: 0; text-align: left; border-color: transparent; background: transparent; padding: 0.1rem 0.3rem;
  overflow-wrap: anywhere; color: var(--ink);
}
.claim-link:hover { border-color: var(--accent); background: var(--tint); }
.unique-sentence { font-family: Georgia, "Times New Roman", serif; border-left: 3px solid var(--accent); border-radius: 0; }
.fact { font-size: 0.9rem; }
.fact-kind { display: inline-block; min-width: 3.6rem; padding: 0 0.3rem; border: 1px solid var(--line); border-radius: 0.25rem; font-size: 0.72rem; text-transform: uppercase; color: var(--muted); text-align: center; }
.fact-value { font-weight: 600; text-decoration: underline dotted; }
.fact-status { color: var(--muted); font-size: 0.85rem; }
.fact-differs .fact-status { color: var(--del-ink); font-weight: 600; }
.fact-differs .fact-status::before { content: "≠ "; }
.fact-others { margin: 0.1rem 0 0.3rem 4rem; padding-left: 1rem; font-size: 0.85rem; overflow-wrap: anywhere; }
.show-all { margin-top: 0.35rem; font-size: 0.85rem; }

/* Relation graph */
.relations-layout { display: grid; gap: 1rem; grid-template-columns: minmax(0, 32rem) minmax(0, 1fr); align-items: start; }
@container (max-width: 50rem) { .relations-layout { grid-template-columns: minmax(0, 1fr); } }
.relation-graph { width: 100%; height: auto; max-width: 32rem; display: block; font-family: system-ui, sans-serif; }
.relation-graph .node circle { fill: var(--paper); stroke: var(--ink); stroke-width: 2; }
.relation-graph .node-number { font-size: 18px; font-weight: 700; fill: var(--ink); }
.relation-graph .node-label { font-size: 13px; fill: var(--ink); }
.relation-graph .node:focus-visible circle, .relation-graph .node:hover circle { stroke: var(--focus); stroke-width: 4; }
.relation-graph .node:focus, .relation-graph .edge:focus { outline: none; }
.edge-line { stroke-width: 2.5; fill: none; }
.edge-hit { stroke: transparent; stroke-width: 16; }
.edge { cursor: pointer; }
.edge-copy .edge-line { stroke: var(--rel-copy); stroke-width: 4.5; }
.edge-partial .edge-line { stroke: var(--rel-partial); stroke-width: 2.5; }
.edge-common-source .edge-line { stroke: var(--rel-common); stroke-width: 2.5; stroke-dasharray: 7 5; }
.arrow-copy { fill: var(--rel-copy); }
.arrow-partial { fill: var(--rel-partial); }
.edge-label { font-size: 13px; font-weight: 600; fill: var(--ink); paint-order: stroke; stroke: var(--paper); stroke-width: 4px; }
.edge:focus-visible .edge-line, .edge:hover .edge-line { stroke: var(--focus); }
.edge:focus-visible .edge-hit { stroke: rgb(213 63 140 / 0.18); }
.relation-evidence { border: 1px solid var(--line); border-radius: 0.4rem; padding: 0.5rem 0.75rem; min-height: 6rem; }
.relation-sentence { font-weight: 600; margin: 0.25rem 0; }
.evidence { margin: 0.25rem 0 0.5rem; padding-left: 1.25rem; font-size: 0.9rem; }
.relation-legend { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; padding: 0; margin: 0.5rem 0; font-size: 0.85rem; color: var(--muted); }
.legend-line { vertical-align: middle; }
.relation-list summary { cursor: pointer; font-weight: 600; }
.relation-list > ul { padding-left: 1.25rem; }
/* On a phone the labels would be too small to read: the numbers are those of the article list. */
@container (max-width: 40rem) { .relation-graph .node-label { display: none; } .relation-graph .node-number { font-size: 22px; } .edge-label { font-size: 18px; } }
.relation-list .relation { margin-bottom: 0.5rem; }
/* ================================================================ end of news views */
`;

let sheet = null;
/** One constructed stylesheet for every shadow root and the page. */
export function viewsSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(viewsCss);
  }
  return sheet;
}
