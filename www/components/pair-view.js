// The pair view: two articles side by side with their shared passages highlighted.
// Marks are built from UTF-16 offsets as text nodes and <mark> elements (never
// innerHTML). Hovering or focusing a passage on one side highlights its counterpart
// on the other and scrolls the other text to it; next/previous walk the passages.
// Inside an edited passage (score below 1) the words that differ from the other side
// are marked; boilerplate lines are dimmed, with their kind and a control to overrule
// the detection either way.
import { h, clear, count, percent, uniqueId } from './dom.js';
import { changedRanges } from './word-diff.js';

export class PairView {
  /**
   * @param {HTMLElement} container
   * @param {{minPassageWords?: number, minPassageScore?: number,
   *   excludeBoilerplate?: boolean,
   *   onSensitivity?: (s: {minPassageWords: number, minPassageScore: number, excludeBoilerplate: boolean}) => void,
   *   onPassage?: (p: {index, left, right, a: {start, end}, b: {start, end}, score?}) => void,
   *   onBoilerplate?: (verdict: {id: string, start: number, end: number, boilerplate: boolean}) => void}} props
   *   `minPassageScore` from 0 (paraphrases too) to 1 (word-for-word copies only);
   *   `onPassage` when the reader makes a passage the current one (a: left side, b: right).
   *   `onBoilerplate`: the reader overruled the detection for one line (UTF-16 offsets);
   *   `applyOverride` merges the verdict into the article's `boilerplateOverrides`.
   */
  constructor(container, { minPassageWords = 8, minPassageScore = 0, excludeBoilerplate = true, onSensitivity, onPassage, onBoilerplate } = {}) {
    this.container = container;
    this.onPassage = onPassage;
    this.current = -1;
    this.passages = [];
    const sliderId = uniqueId('sensitivity');
    this.slider = h('input', { id: sliderId, name: 'minPassageWords', type: 'range', min: 3, max: 60, step: 1, value: minPassageWords });
    this.sliderValue = h('output', { htmlFor: sliderId, text: `${minPassageWords} words` });
    const scoreId = uniqueId('similarity');
    const scoreSlider = this.scoreSlider = h('input', { id: scoreId, name: 'minPassageScore', type: 'range', min: 0, max: 100, step: 5, value: Math.round(minPassageScore * 100) });
    const scoreValue = h('output', { htmlFor: scoreId, text: `${Math.round(minPassageScore * 100)} %` });
    this.showSettings = () => {
      this.sliderValue.textContent = `${this.slider.value} words`;
      scoreValue.textContent = `${scoreSlider.value} %`;
    };
    this.onBoilerplate = onBoilerplate;
    /** When on, every line has a control to mark it as boilerplate, not only the detected ones. */
    this.editLines = false;
    /** The passage of a claim being shown ({side, start, end}), highlighted until the pair changes. */
    this.claim = null;
    const excludeBox = this.excludeBox = h('input', { type: 'checkbox', name: 'excludeBoilerplate', checked: excludeBoilerplate });
    const changed = () => {
      const settings = {
        minPassageWords: Number(this.slider.value),
        minPassageScore: Number(scoreSlider.value) / 100,
        excludeBoilerplate: excludeBox.checked,
      };
      this.sliderValue.textContent = `${settings.minPassageWords} words`;
      scoreValue.textContent = `${scoreSlider.value} %`;
      onSensitivity?.(settings);
    };
    this.slider.addEventListener('input', changed);
    scoreSlider.addEventListener('input', changed);
    excludeBox.addEventListener('change', changed);
    this.editButton = h('button', {
      type: 'button', class: 'edit-lines', text: 'Mark lines as boilerplate…', attrs: { 'aria-pressed': 'false' },
      on: { click: () => this.toggleEditLines() },
    });
    this.summary = h('p', { class: 'pair-summary', attrs: { 'aria-live': 'polite' } });
    this.position = h('span', { class: 'passage-position', attrs: { 'aria-live': 'polite' } });
    this.prev = h('button', { type: 'button', text: '← Previous passage', on: { click: () => this.step(-1) } });
    this.next = h('button', { type: 'button', text: 'Next passage →', on: { click: () => this.step(1) } });
    this.headA = h('h3', { class: 'side-title' });
    this.headB = h('h3', { class: 'side-title' });
    this.paneA = h('div', { class: 'pane', data: { side: 'a' }, attrs: { tabindex: '-1' } });
    this.paneB = h('div', { class: 'pane', data: { side: 'b' }, attrs: { tabindex: '-1' } });
    /** Each pane's scroll offset, kept from its scroll events (see keepPlace). */
    this.offsets = [0, 0];
    /** The offsets keepPlace puts the panes back at on the next frame, or null. */
    this.place = null;
    [this.paneA, this.paneB].forEach((pane, i) => pane.addEventListener('scroll', () => { this.offsets[i] = pane.scrollTop; }, { passive: true }));
    this.body = h('div', { class: 'pair-body' },
      h('div', { class: 'pair-controls' },
        h('label', { htmlFor: sliderId, text: 'Minimum passage length ' }), this.slider, this.sliderValue,
        h('label', { htmlFor: scoreId, text: 'Minimum similarity ', attrs: { title: '100 %: word-for-word copies only; lower: edited and paraphrased passages too' } }), scoreSlider, scoreValue,
        h('label', { class: 'exclude-boilerplate', attrs: { title: 'Site furniture (notices, navigation, bylines, captions) is dimmed in the texts' } },
          excludeBox, ' Leave boilerplate out of the scores'),
        this.editButton,
        h('span', { class: 'nav' }, this.prev, this.position, this.next)),
      h('p', { class: 'pair-legend hint' },
        h('span', { class: 'legend-changed', text: 'underlined' }), ': words that differ inside an edited passage; ',
        h('span', { class: 'legend-boilerplate', text: 'dimmed' }), ': boilerplate (its kind in a tag; the button beside it overrules the detection).'),
      this.summary,
      h('div', { class: 'sides' },
        h('section', { class: 'side' }, this.headA, this.paneA),
        h('section', { class: 'side' }, this.headB, this.paneB)));
    this.placeholder = h('p', { class: 'empty', text: 'Choose a cell of the matrix to compare two articles.' });
    clear(container).append(this.placeholder);
    for (const pane of [this.paneA, this.paneB]) {
      pane.addEventListener('mouseover', (e) => this.hover(e, pane));
      pane.addEventListener('focusin', (e) => this.focused(e, pane));
      pane.addEventListener('click', (e) => this.lineControl(e, pane));
    }
  }

  /**
   * Moves the two sliders (and the boilerplate box, when given) to settings made elsewhere
   * (a reload, the host), without telling `onSensitivity`.
   */
  setSensitivity(minPassageWords, minPassageScore, excludeBoilerplate) {
    this.slider.value = String(minPassageWords);
    this.scoreSlider.value = String(Math.round(minPassageScore * 100));
    if (typeof excludeBoilerplate === 'boolean') this.excludeBox.checked = excludeBoilerplate;
    this.showSettings();
  }

  toggleEditLines() {
    this.editLines = !this.editLines;
    this.editButton.setAttribute('aria-pressed', String(this.editLines));
    this.editButton.textContent = this.editLines ? 'Done marking lines' : 'Mark lines as boilerplate…';
    if (this.last) this.render();
  }

  /** A click on a line's boilerplate button: the reader's verdict goes to the page. */
  lineControl(event, pane) {
    const button = event.target.closest?.('button.line-toggle');
    if (!button || !this.shown) return;
    const id = pane === this.paneA ? this.shown.left : this.shown.right;
    this.onBoilerplate?.({ id, start: Number(button.dataset.start), end: Number(button.dataset.end), boilerplate: button.dataset.to === 'boilerplate' });
  }

  /**
   * Shows the passage `start`..`end` of article `id` (which must be on one side of the
   * pair shown): highlighted, scrolled to within its pane, and focused so that a screen
   * reader reads it. Returns false when the article is not shown.
   */
  reveal(id, start, end) {
    if (!this.shown || !this.last) return false;
    const side = this.shown.left === id ? 'a' : this.shown.right === id ? 'b' : null;
    if (!side) return false;
    this.claim = { side, start, end };
    this.render();
    const pane = side === 'a' ? this.paneA : this.paneB;
    const target = pane.querySelector('.claim');
    if (target) {
      target.focus({ preventScroll: true });
      this.scrollWithin(pane, target);
    }
    return true;
  }

  /**
   * Shows `left` and `right` (ids) from `report`; `texts` maps id → text.
   * Keeps the current passage when the same pair is shown again. `overrides` (optional,
   * id → the article's `boilerplateOverrides`) tells the lines the reader marked apart.
   */
  update(report, texts, left, right, { overrides } = {}) {
    const pair = report?.pairs.find((p) => (p.a === left && p.b === right) || (p.a === right && p.b === left));
    if (!pair || !texts.has(left) || !texts.has(right)) {
      this.shown = null;
      clear(this.container).append(this.placeholder);
      return;
    }
    const flip = pair.a !== left;
    const same = this.shown && this.shown.left === left && this.shown.right === right;
    this.shown = { left, right };
    const docs = new Map(report.documents.map((d, i) => [d.id, { ...d, number: i + 1 }]));
    const title = (id) => docs.get(id)?.title || id;
    // Syndicated copies often share a headline: the list number tells them apart.
    const numbered = (id) => `${docs.get(id)?.number ?? '?'}. ${title(id)}`;
    const n = (id) => docs.get(id)?.number ?? '?';
    this.passages = pair.passages.map((p, index) => ({
      index, a: flip ? p.b : p.a, b: flip ? p.a : p.b, score: p.score,
    }));
    const textA = texts.get(left);
    const textB = texts.get(right);
    this.headA.textContent = numbered(left);
    this.headB.textContent = numbered(right);
    // The same pair again (new sensitivity, new settings): the reader keeps their place.
    const scroll = same ? [...this.offsets] : [0, 0];
    if (!same) this.claim = null;
    if (!same || this.current >= this.passages.length) this.current = -1;
    this.last = {
      textA, textB,
      boilerplateA: byReader(docs.get(left)?.boilerplate, overrides?.get(left)),
      boilerplateB: byReader(docs.get(right)?.boilerplate, overrides?.get(right)),
      changes: editedWords(this.passages, textA, textB, this.diffMemo(textA, textB)),
    };
    // Before drawing: a long text must skip laying out its blocks out of view from the start.
    this.paneA.classList.toggle('long', textA.length > LONG);
    this.paneB.classList.toggle('long', textB.length > LONG);
    this.render({ keepScroll: false });
    this.paneA.setAttribute('aria-label', `Text of ${title(left)}`);
    this.paneB.setAttribute('aria-label', `Text of ${title(right)}`);

    const aInB = flip ? pair.containment.bInA : pair.containment.aInB;
    const bInA = flip ? pair.containment.aInB : pair.containment.bInA;
    const charsA = covered(this.passages.map((p) => p.a));
    const charsB = covered(this.passages.map((p) => p.b));
    this.summary.textContent = `${percent(aInB)} of article ${n(left)} (left) is found in article ${n(right)} (right); `
      + `${percent(bInA)} of article ${n(right)} is found in article ${n(left)}. `
      + `${count(this.passages.length)} shared passage${this.passages.length === 1 ? '' : 's'}: `
      + `${count(charsA)} characters on the left, ${count(charsB)} on the right.`
      + editedSentence(this.passages);
    if (!this.body.isConnected) clear(this.container).append(this.body);
    this.keepPlace(scroll);
    this.announced = -1;
    this.showPosition();
  }

  /**
   * The word diffs of this pair's passages, kept while the same two texts are shown:
   * a new threshold keeps most passages, whose diffs need not be computed again.
   */
  diffMemo(textA, textB) {
    if (this.memo?.textA !== textA || this.memo?.textB !== textB) this.memo = { textA, textB, diffs: new Map() };
    return this.memo.diffs;
  }

  /**
   * Draws both texts from `this.last`, keeping each pane's scroll position unless told
   * not to (`update` places the panes itself; reading and setting the position costs a
   * layout of the whole text).
   */
  render({ keepScroll = true } = {}) {
    const { textA, textB, boilerplateA, boilerplateB, changes } = this.last;
    const claim = this.claim;
    const layers = (side) => ({
      changes: changes[side],
      boilerplate: side === 'a' ? boilerplateA : boilerplateB,
      claim: claim?.side === side ? claim : null,
      editLines: this.editLines,
    });
    this.paneA.replaceChildren(highlight(textA, this.passages, 'a', 'b', layers('a')));
    this.paneB.replaceChildren(highlight(textB, this.passages, 'b', 'a', layers('b')));
    if (keepScroll) this.keepPlace([...this.offsets]);
    for (const m of this.container.querySelectorAll(`mark[data-passage="${this.current}"]`)) m.classList.add('active');
  }

  /**
   * Puts the panes at `offsets` once their new text is laid out, on the next frame:
   * reading or setting scrollTop at once would force a layout of the whole element in
   * the middle of drawing it (300 ms with 1,000 articles), and the frame lays it out
   * anyway. A scroll to a passage before then wins.
   */
  keepPlace(offsets) {
    this.place = offsets;
    requestAnimationFrame(() => {
      const place = this.place;
      this.place = null;
      if (!place) return;
      [this.paneA, this.paneB].forEach((pane, i) => {
        if (pane.scrollTop !== place[i]) pane.scrollTop = place[i];
      });
    });
  }

  /**
   * Scrolls `pane` (not the page) so that `mark` sits a third of the way down; once
   * more on the next frame, because blocks skipped until now get their real height
   * when they come into view. It wins over a place keepPlace has not restored yet.
   */
  scrollWithin(pane, mark) {
    this.place = null;
    const place = () => {
      const top = mark.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
      pane.scrollTop = Math.max(0, top - pane.clientHeight / 3);
    };
    place();
    requestAnimationFrame(place);
  }

  hover(event, pane) {
    const mark = event.target.closest?.('mark[data-passage]');
    if (mark) this.activate(Number(mark.dataset.passage), pane, false);
  }

  focused(event, pane) {
    const mark = event.target.closest?.('mark[data-passage]');
    // Keyboard focus brings the passage into view on both sides; a click is already on it.
    if (mark) this.activate(Number(mark.dataset.passage), pane, mark.matches(':focus-visible'));
  }

  /** Highlights passage `index` on both sides and scrolls the other side (and, when asked, this side) to it. */
  activate(index, fromPane, scrollOwn) {
    this.current = index;
    for (const m of this.container.querySelectorAll('mark.active')) m.classList.remove('active');
    for (const pane of [this.paneA, this.paneB]) {
      const marks = pane.querySelectorAll(`mark[data-passage="${index}"]`);
      if (marks.length === 0) continue;
      for (const m of marks) m.classList.add('active');
      if (pane !== fromPane || scrollOwn) this.scrollWithin(pane, marks[0]);
    }
    this.showPosition();
    const p = this.passages[index];
    if (p && this.announced !== index) this.onPassage?.({ index, left: this.shown.left, right: this.shown.right, a: p.a, b: p.b, score: p.score });
    // Hovering along a passage's marks tells once, not on every mark.
    this.announced = index;
  }

  step(delta) {
    if (this.passages.length === 0) return;
    const next = this.current < 0 ? (delta > 0 ? 0 : this.passages.length - 1)
      : (this.current + delta + this.passages.length) % this.passages.length;
    const mark = this.paneA.querySelector(`mark[data-passage="${next}"]`) ?? this.paneB.querySelector(`mark[data-passage="${next}"]`);
    if (mark) mark.focus({ preventScroll: true });
    this.activate(next, null, true);
  }

  showPosition() {
    const n = this.passages.length;
    this.prev.disabled = n === 0;
    this.next.disabled = n === 0;
    if (n === 0) {
      this.position.textContent = 'No shared passages at this length';
      return;
    }
    const p = this.passages[this.current];
    this.position.textContent = p
      ? `Passage ${this.current + 1} of ${n}${typeof p.score === 'number' ? ` · score ${p.score.toFixed(2)}` : ''}`
      : `${n} passage${n === 1 ? '' : 's'}`;
  }
}

/**
 * A fragment of `text` with each passage's `side` range wrapped in a <mark>.
 * Ranges that overlap an earlier one on this side are clipped to start after it.
 * The text is cut into blocks of about CHUNK characters at line ends, so that the
 * browser can skip laying out the blocks out of view (`content-visibility`): a 5 MB
 * article then opens at once. A passage crossing a block edge gets one mark per block.
 *
 * `layers` (all optional) adds, without changing the text: `changes` (sorted ranges of
 * words that differ inside edited passages), `boilerplate` (the report's lines, dimmed,
 * each with its kind and a button to mark it as story), `editLines` (a button on every
 * other line to mark it as boilerplate), `claim` ({start, end}: a range to highlight).
 * Tags and buttons carry their words in attributes drawn by CSS, so the pane's text
 * stays exactly the article's.
 */
export function highlight(text, passages, side, otherSide, layers = {}) {
  const fragment = document.createDocumentFragment();
  const ranges = clipped(passages
    .map((p) => ({ index: p.index, start: p[side]?.start, end: p[side]?.end, score: p.score }))
    .filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.end > r.start)
    .sort((x, y) => x.start - y.start || x.end - y.end), text.length);
  const changes = clipped(layers.changes ?? [], text.length);
  const boilerplate = clipped((layers.boilerplate ?? []).filter((b) => b.end > b.start), text.length);
  const claim = layers.claim && layers.claim.end > layers.claim.start ? clipped([layers.claim], text.length) : [];
  const controls = lineControls(text, boilerplate, layers.editLines);
  const cuts = chunkCuts(text);
  const points = new Set([0, text.length, ...cuts]);
  for (const list of [ranges, changes, boilerplate, claim, controls]) for (const r of list) { points.add(r.start); points.add(r.end); }
  const sorted = [...points].filter((p) => p >= 0 && p <= text.length).sort((x, y) => x - y);

  const at = { passage: cursor(ranges), change: cursor(changes), boilerplate: cursor(boilerplate), claim: cursor(claim), control: cursor(controls) };
  let chunk = null;
  let chunkEnd = 0;
  let nextCut = 0;
  let mark = null;
  const labelled = new Set();
  for (let k = 0; k + 1 < sorted.length; k++) {
    const start = sorted[k];
    const end = sorted[k + 1];
    if (start >= chunkEnd) {
      chunk = h('div', { class: 'chunk' });
      fragment.append(chunk);
      chunkEnd = cuts[nextCut++] ?? text.length;
      mark = null;
    }
    const range = at.passage(start);
    if (!range) mark = null;
    else if (!mark || mark.dataset.passage !== String(range.index)) {
      mark = markFor(range, start, !labelled.has(range.index));
      labelled.add(range.index);
      chunk.append(mark);
    }
    const into = mark ?? chunk;
    const control = at.control(start);
    if (control && control.start === start) into.append(...controlFor(text, control));
    if (mark) mark.dataset.end = String(end);
    into.append(leaf(text.slice(start, end), {
      changed: Boolean(range && at.change(start)),
      boilerplate: at.boilerplate(start),
      claim: Boolean(at.claim(start)),
    }));
  }
  return fragment;
}

/** Sorted ranges made disjoint (each starts after the one before) and kept inside the text. */
function clipped(ranges, length) {
  const out = [];
  let reach = 0;
  for (const r of [...ranges].sort((x, y) => x.start - y.start || x.end - y.end)) {
    const start = Math.max(r.start, reach);
    const end = Math.min(r.end, length);
    if (end <= start) continue;
    out.push({ ...r, start, end });
    reach = end;
  }
  return out;
}

/** For sorted disjoint ranges and rising positions: the range holding `pos`, or null. */
function cursor(ranges) {
  let i = 0;
  return (pos) => {
    while (i < ranges.length && ranges[i].end <= pos) i++;
    const r = ranges[i];
    return r && r.start <= pos ? r : null;
  };
}

/** A piece of text: a bare text node, or a span saying what it is. */
function leaf(piece, { changed, boilerplate, claim }) {
  if (!changed && !boilerplate && !claim) return document.createTextNode(piece);
  const classes = [changed && 'changed', boilerplate && 'boilerplate', claim && 'claim'].filter(Boolean).join(' ');
  const span = h('span', { class: classes, text: piece });
  if (claim) span.tabIndex = -1;
  return span;
}

/**
 * The lines that get a boilerplate button: every boilerplate line (to mark it as
 * story) and, when `all`, every other non-blank line (to mark it as boilerplate).
 */
function lineControls(text, boilerplate, all) {
  const controls = boilerplate.map((b) => ({ start: b.start, end: b.end, kind: b.kind, boilerplate: true }));
  if (!all) return controls;
  const inside = cursor(boilerplate);
  for (const line of text.matchAll(/[^\n]+/g)) {
    const start = line.index + (line[0].length - line[0].trimStart().length);
    const end = line.index + line[0].trimEnd().length;
    if (end > start && !inside(start)) controls.push({ start, end, boilerplate: false });
  }
  return clipped(controls, text.length);
}

/** The report's boilerplate lines, those the reader marked with the kind "marked by you". */
function byReader(lines = [], overrides = []) {
  const mine = overrides.filter((o) => o.boilerplate);
  if (mine.length === 0) return lines;
  return lines.map((b) => (mine.some((o) => o.start === b.start && o.end === b.end) ? { ...b, kind: 'marked by you' } : b));
}

/** A boilerplate line's kind tag and its button (both without text nodes: CSS draws their words). */
function controlFor(text, control) {
  const excerpt = shorten(text.slice(control.start, control.end).replace(/\s+/g, ' ').trim(), 60);
  const to = control.boilerplate ? 'story' : 'boilerplate';
  const label = control.boilerplate
    ? `Boilerplate (${control.kind}): “${excerpt}”. Mark this line as story`
    : `Mark the line “${excerpt}” as boilerplate`;
  const button = h('button', {
    type: 'button', class: `line-toggle to-${to}`,
    data: { start: String(control.start), end: String(control.end), to, label: `mark as ${to}` },
    attrs: { 'aria-label': label, title: control.boilerplate ? 'Mark this line as story' : 'Mark this line as boilerplate' },
  });
  if (!control.boilerplate) return [button];
  return [h('span', { class: 'boilerplate-kind', data: { kind: control.kind ?? 'boilerplate' }, attrs: { 'aria-hidden': 'true' } }), button];
}

function shorten(s, n) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/**
 * The words that differ inside each edited passage (score below 1), as ranges into
 * each side's text: {a: [{start, end}], b: [...]}, sorted.
 */
export function editedWords(passages, textA, textB, memo = new Map()) {
  const out = { a: [], b: [] };
  for (const p of passages) {
    if (!(typeof p.score === 'number' && p.score < 1)) continue;
    if (!(p.a?.end > p.a?.start && p.b?.end > p.b?.start)) continue;
    // `memo`: diffs by the passage's place in both texts, for the same two texts.
    const key = `${p.a.start}:${p.a.end}:${p.b.start}:${p.b.end}`;
    if (!memo.has(key)) memo.set(key, changedRanges(textA.slice(p.a.start, p.a.end), textB.slice(p.b.start, p.b.end)));
    const diff = memo.get(key);
    for (const r of diff.a) out.a.push({ start: p.a.start + r.start, end: p.a.start + r.end });
    for (const r of diff.b) out.b.push({ start: p.b.start + r.start, end: p.b.start + r.end });
  }
  out.a.sort((x, y) => x.start - y.start);
  out.b.sort((x, y) => x.start - y.start);
  return out;
}

/**
 * The reader's override list with `verdict` ({start, end, boilerplate}) in place of
 * any earlier verdict on the same stretch.
 */
export function applyOverride(overrides, { start, end, boilerplate }) {
  return [...(overrides ?? []).filter((o) => o.end <= start || o.start >= end), { start, end, boilerplate }];
}

const CHUNK = 20_000;
/** Texts longer than this skip laying out blocks out of view (see style.css). */
const LONG = 100_000;

/** Block ends: after the first line break past each CHUNK characters, never inside a surrogate pair. */
function chunkCuts(text) {
  const cuts = [];
  let pos = 0;
  while (pos < text.length) {
    let cut = pos + CHUNK;
    if (cut >= text.length) cut = text.length;
    else {
      const newline = text.indexOf('\n', cut);
      if (newline !== -1 && newline - cut < CHUNK / 4) cut = newline + 1;
      else if (/[\uD800-\uDBFF]/.test(text[cut - 1])) cut += 1;
    }
    cuts.push(cut);
    pos = cut;
  }
  return cuts;
}

function markFor(range, start, first) {
  const mark = document.createElement('mark');
  const score = typeof range.score === 'number' ? range.score.toFixed(2) : null;
  mark.className = range.score < 1 ? 'passage edited' : 'passage';
  mark.dataset.passage = String(range.index);
  mark.dataset.start = String(start);
  // The badge (drawn by CSS, so it is not part of the text) pairs the two sides at a glance.
  if (first) mark.dataset.label = score ? `${range.index + 1} · ${score}` : String(range.index + 1);
  mark.tabIndex = 0;
  mark.title = `Shared passage ${range.index + 1}${score ? `, score ${score}` : ''}${range.score < 1 ? '; underlined words differ from the other side' : ''}`;
  return mark;
}

/** How many passages are edited rather than copied word for word, said only when some are. */
function editedSentence(passages) {
  const edited = passages.filter((p) => typeof p.score === 'number' && p.score < 1).length;
  if (edited === 0) return '';
  return ` ${count(edited)} of them edited: the words that differ are underlined.`;
}

/** Characters covered by the union of `spans`. */
function covered(spans) {
  let total = 0;
  let reach = 0;
  for (const { start, end } of [...spans].sort((x, y) => x.start - y.start)) {
    const from = Math.max(start, reach);
    if (end > from) total += end - from;
    reach = Math.max(reach, end);
  }
  return total;
}
