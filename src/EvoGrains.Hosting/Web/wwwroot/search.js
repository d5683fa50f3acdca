// One search: its status (server-sent events), the fitness chart (uPlot, fed by the paged history), the island table,
// the hall of fame (formulas by KaTeX, one-hot halves by uPlot, code) and the final stage.
'use strict';

(() => {
  const { getJson, el, apiPath, number, integer, pValue, stateText, time, budgets, progressBar, connection } = EvoGrains;
  const id = decodeURIComponent(location.pathname.slice('/searches/'.length));
  const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];
  const colour = (i) => palette[i % palette.length];
  const terminal = new Set(['completed', 'cancelled', 'failed']);
  const historyPage = 5000;

  let status = null;
  let control = false;

  // ---------- history and the fitness chart ----------
  const history = { loaded: 0, total: 0, steps: 0, xs: [], islandOf: [], fitness: [], best: [], bestRank: null, islands: 0 };
  let chart = null;
  let chartIslands = -1;
  let loading = false;
  let drawPending = false;

  function append(entries) {
    for (const entry of entries) {
      history.steps += entry.shared ? 0 : entry.steps * entry.seeds;
      history.xs.push(history.steps);
      history.islandOf.push(entry.island);
      // A failed evaluation has no fitness (null); an early-stopped one keeps the fitness it reached.
      const fitness = entry.fitness;
      history.fitness.push(fitness);
      history.islands = Math.max(history.islands, entry.island + 1);
      // A higher rung ranks above any lower one; within a rung the higher fitness wins (the search's FitnessRank).
      if (fitness !== null && (history.bestRank === null || entry.rung > history.bestRank.rung
          || (entry.rung === history.bestRank.rung && fitness > history.bestRank.fitness))) {
        history.bestRank = { rung: entry.rung, fitness };
      }
      history.best.push(history.bestRank ? history.bestRank.fitness : null);
    }
  }

  async function loadHistory() {
    if (loading) return;
    loading = true;
    try {
      for (;;) {
        const page = await getJson(apiPath(id, '/history?after=' + history.loaded + '&limit=' + historyPage));
        append(page.entries);
        history.loaded = page.offset + page.entries.length;
        history.total = page.total;
        if (page.entries.length === 0 || history.loaded >= page.total) break;
      }
      draw();
    } catch (error) {
      connection('history: ' + error.message, true);
    } finally {
      loading = false;
    }
    if (status && status.evaluationsDone > history.loaded) scheduleHistory();
  }

  function scheduleHistory() {
    if (drawPending) return;
    drawPending = true;
    setTimeout(() => { drawPending = false; loadHistory(); }, 250);
  }

  function islandCount() {
    return Math.max(history.islands, status && status.islands ? status.islands.length : 0);
  }

  function chartData() {
    const n = history.xs.length;
    // Without training steps (nothing trained yet, or every result shared) the x axis counts evaluations.
    const xs = history.steps > 0 ? history.xs : history.xs.map((_, i) => i + 1);
    const series = [xs];
    for (let island = 0; island < chartIslands; island++) {
      const ys = new Array(n);
      for (let i = 0; i < n; i++) ys[i] = history.islandOf[i] === island ? history.fitness[i] : null;
      series.push(ys);
    }
    series.push(history.best);
    return series;
  }

  function chartWidth() {
    return Math.max(320, document.getElementById('fitness-chart').clientWidth);
  }

  function createChart() {
    const container = document.getElementById('fitness-chart');
    if (chart) chart.destroy();
    chartIslands = islandCount();
    const methods = status && status.islands ? status.islands.map((i) => i.method) : [];
    const series = [{ label: history.steps > 0 ? 'training steps' : 'evaluations' }];
    for (let island = 0; island < chartIslands; island++) {
      series.push({
        label: 'island ' + island + (methods[island] ? ' (' + methods[island] + ')' : ''),
        stroke: colour(island),
        paths: () => null,
        points: { show: true, size: 4, width: 0, fill: colour(island) + 'aa', stroke: colour(island) },
        value: (u, v) => number(v, 4),
      });
    }
    series.push({ label: 'best so far', stroke: '#111', width: 2, spanGaps: true, points: { show: false }, paths: uPlot.paths.stepped({ align: 1 }), value: (u, v) => number(v, 4) });
    chart = new uPlot({
      width: chartWidth(),
      height: 360,
      scales: { x: { time: false } },
      axes: [{ label: series[0].label }, { label: 'fitness (validation accuracy)', size: 60 }],
      cursor: { points: { show: false } },
      series,
    }, chartData(), container);
  }

  function draw() {
    if (typeof uPlot === 'undefined') return;
    if (!chart || chartIslands !== islandCount() || (history.steps > 0) !== (chart.series[0].label === 'training steps')) {
      createChart();
    } else {
      chart.setData(chartData());
    }
    const container = document.getElementById('fitness-chart');
    container.dataset.points = String(history.xs.length);
    document.getElementById('history-note').textContent = integer(history.loaded) + ' evaluations plotted'
      + (history.steps > 0 ? ', ' + integer(history.steps) + ' training steps (steps × seeds; a result shared between islands costs none)' : '');
  }

  window.addEventListener('resize', () => { if (chart) chart.setSize({ width: chartWidth(), height: 360 }); });

  // ---------- status, budgets, islands ----------
  function renderStatus() {
    document.title = status.name + ' – EvoGrains';
    document.getElementById('search-name').textContent = status.name;
    document.getElementById('search-id').textContent = status.searchId;
    const state = document.getElementById('state');
    state.textContent = stateText(status.state);
    state.className = 'state state-' + status.state;
    document.getElementById('budgets').replaceChildren(...budgets(status).map((b) => progressBar(...b)));
    const failure = document.getElementById('failure');
    failure.hidden = !status.failure;
    failure.textContent = status.failure ? 'failed: ' + status.failure : '';

    const facts = [
      ['best fitness', number(status.bestFitness, 4)],
      ['best expression', status.bestExpression || '–'],
      ['evaluations / min', number(status.evaluationsPerMinute, 1)],
      ['in flight', integer(status.inFlight)],
      ['trainers', integer(status.trainers) + ' (utilisation ' + number(100 * status.trainerUtilisation, 0) + '%)'],
      ['rejected by screening', integer(status.rejectedByScreening)],
      ['deduplicated', integer(status.deduplicated)],
      ['late results', integer(status.lateResults)],
      ['started', time(status.startedAt)],
      ['ended', time(status.endedAt)],
    ];
    document.getElementById('facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', { class: k === 'best expression' ? 'expression' : '' }, v)]));

    const rows = status.islands.map((island) => el('tr', {},
      el('td', { class: 'num' }, el('span', { class: 'swatch', style: 'background:' + colour(island.island) }), String(island.island)),
      el('td', {}, island.method),
      el('td', { class: 'num' }, integer(island.populationSize)),
      el('td', { class: 'num' }, number(island.bestFitness, 4)),
      el('td', { class: 'expression' }, island.bestExpression || '–'),
      el('td', { class: 'num' }, integer(island.diversity)),
      el('td', { class: 'num' }, integer(island.evaluations)),
      el('td', { class: 'num' }, integer(island.inFlight)),
      el('td', { class: 'num' }, integer(island.rejectedByScreening)),
      el('td', { class: 'num' }, integer(island.duplicates)),
      el('td', { class: 'num' }, integer(island.sharedResults)),
      el('td', { class: 'num' }, integer(island.migrantsReceived)),
      el('td', {}, island.exhausted ? 'yes' : 'no')));
    document.querySelector('#islands tbody').replaceChildren(...rows);
    renderControl();
    renderFinalProgress();
  }

  // ---------- control ----------
  function renderControl() {
    document.getElementById('control').hidden = !control;
    if (!control) return;
    document.getElementById('pause').disabled = status.state !== 'running';
    document.getElementById('resume').disabled = status.state !== 'paused';
    document.getElementById('cancel').disabled = terminal.has(status.state);
  }

  async function steer(action) {
    const token = document.getElementById('token').value.trim();
    sessionStorage.setItem('evograins-token', token);
    const result = document.getElementById('control-result');
    if (action === 'cancel' && !window.confirm('Cancel search ' + id + ' for good?')) return;
    const response = await fetch('/api' + apiPath(id, '/' + action), { method: 'POST', headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      status = body;
      renderStatus();
      result.textContent = action + ': done';
      result.className = 'muted';
    } else {
      result.textContent = action + ': ' + (body.error || response.status + ' ' + response.statusText);
      result.className = 'error';
    }
  }

  document.getElementById('control-form').addEventListener('submit', (event) => event.preventDefault());
  for (const action of ['pause', 'resume', 'cancel']) {
    document.getElementById(action).addEventListener('click', () => steer(action));
  }
  document.getElementById('token').value = sessionStorage.getItem('evograins-token') || '';

  // ---------- final stage ----------
  let finalShown = false;

  function renderFinalProgress() {
    const node = document.getElementById('final-progress');
    if (status.finalJobsTotal > 0) {
      node.replaceChildren(progressBar('trainings', status.finalJobsDone, status.finalJobsTotal, status.finalJobsDone + ' / ' + status.finalJobsTotal));
    } else {
      node.replaceChildren(el('p', { class: 'muted' }, terminal.has(status.state) ? 'No final stage ran.' : 'Not started: it begins when the search has spent its budget.'));
    }
  }

  let final = null;

  async function loadFinal() {
    if (finalShown) return;
    final = await getJson(apiPath(id, '/final'));
    if (!final) return;
    finalShown = true;
    renderFinal();
  }

  // Found losses are named by their hall-of-fame rank and hash, as report.md names them (drawn again when the hall of
  // fame arrives after the final table).
  function renderFinal() {
    if (!final) return;
    const ranks = new Map(hallOrder.map((hash, i) => [hash, i + 1]));
    document.getElementById('final-caption').textContent = 'On the ' + final.split + ' set: every arm trained ' + final.seeds + ' time(s) for '
      + integer(final.steps) + ' steps; ' + integer(final.trainings) + ' final-stage trainings' + (final.rounds.length ? ', ' + final.rounds.length + ' elimination round(s) on validation first' : '') + '.';
    document.querySelector('#final-table tbody').replaceChildren(...final.rows.map((row) => finalRow(row, ranks)));
    // Transfer settings: the final table's arms retrained in settings the search never saw, one table each.
    const transfer = final.transfer || [];
    const head = document.querySelector('#final-table thead');
    document.getElementById('transfer-tables').replaceChildren(...transfer.flatMap((setting) => [
      el('h3', {}, 'Transfer: ' + setting.name),
      el('p', { class: 'muted' }, 'Differs from the final table: ' + setting.differences + '. ' + setting.seeds + ' seeds, ' + integer(setting.steps) + ' steps each, on the ' + final.split + ' set.'),
      el('table', { class: 'grid transfer-table' }, head.cloneNode(true), el('tbody', {}, ...setting.rows.map((row) => finalRow(row, ranks)))),
    ]));
    document.getElementById('final-table-wrap').hidden = false;
  }

  function finalRow(row, ranks) {
    const name = row.isBaseline || !ranks.has(row.name) ? row.name : ('#' + ranks.get(row.name) + ' ' + row.name);
    const interval = row.confidenceHalfWidth === null ? '–'
      : '[' + number(row.mean - row.confidenceHalfWidth, 4) + ', ' + number(row.mean + row.confidenceHalfWidth, 4) + ']';
    return el('tr', { class: row.isBaseline ? 'baseline' : 'evolved' },
      el('td', {}, name),
      el('td', { class: 'expression' }, row.expression),
      el('td', { class: 'num' }, number(row.mean, 4) + ' ± ' + number(row.standardDeviation, 4)),
      el('td', {}, interval),
      el('td', { class: 'num' }, pValue(row.pValueVsCe) + ' / ' + pValue(row.pairedPValueVsCe)),
      el('td', { class: 'num' }, pValue(row.pValueVsBestBaseline) + ' / ' + pValue(row.pairedPValueVsBestBaseline)),
      el('td', { class: 'num' }, String(row.runs)),
      el('td', { class: 'num' }, String(row.failedRuns)));
  }

  // ---------- hall of fame ----------
  const hallItems = new Map();
  let hallOrder = [];
  let hallLoadedAt = 0;
  let hallLoading = false;

  async function loadHall(force) {
    if (hallLoading || (!force && Date.now() - hallLoadedAt < 5000)) return;
    hallLoading = true;
    try {
      const entries = await getJson(apiPath(id, '/hall-of-fame'));
      hallLoadedAt = Date.now();
      hallOrder = entries.map((e) => e.hash);
      const list = document.getElementById('hall-of-fame');
      const items = entries.map((entry, i) => hallItem(entry, i + 1));
      list.replaceChildren(...items);
      renderFinal();
    } catch (error) {
      connection('hall of fame: ' + error.message, true);
    } finally {
      hallLoading = false;
    }
  }

  function hallItem(entry, rank) {
    let item = hallItems.get(entry.hash);
    if (!item) {
      item = { node: el('li', { class: 'loss', 'data-hash': entry.hash }), head: el('div', { class: 'loss-head' }), body: null, rendered: false };
      item.node.append(item.head);
      hallItems.set(entry.hash, item);
    }
    const spread = entry.spread === null ? '' : ' ± ' + number(entry.spread, 4);
    const final = entry.final ? el('span', { class: 'final-numbers' }, entry.final.split + ' ' + number(entry.final.mean, 4) + ' ± ' + number(entry.final.standardDeviation, 4)
      + ' (95% ±' + number(entry.final.confidenceHalfWidth, 4) + ', ' + entry.final.seeds + ' seeds)') : null;
    item.head.replaceChildren(
      el('span', { class: 'rank' }, '#' + rank),
      el('span', { class: 'fitness' }, 'validation ' + number(entry.fitness, 4) + spread),
      el('span', { class: 'muted' }, ' rung ' + entry.rung + ', ' + entry.seeds + ' seed(s), island ' + entry.island + ', ' + entry.operator + ' '),
      el('code', { class: 'hash' }, entry.hash),
      ...(final ? [final] : []));
    if (!item.rendered) {
      item.rendered = true;
      const body = el('div', { class: 'loss-body' }, el('div', { class: 'expression' }, entry.expression));
      item.node.append(body);
      // The first five open with their formula and plot; the others on demand.
      if (rank <= 5) {
        describe(entry, body);
      } else {
        const more = el('details', {}, el('summary', {}, 'formula, one-hot halves and code'));
        more.addEventListener('toggle', () => { if (more.open && !more.dataset.done) { more.dataset.done = '1'; describe(entry, more); } });
        body.append(more);
      }
    }
    return item.node;
  }

  async function describe(entry, into) {
    try {
      const details = await getJson(apiPath(id, '/hall-of-fame/' + encodeURIComponent(entry.hash)));
      const formula = el('div', { class: 'formula' });
      if (typeof katex !== 'undefined') {
        katex.render(details.latex, formula, { throwOnError: false, displayMode: true });
      } else {
        formula.textContent = details.latex;
      }
      const nearest = details.nearestKnownLoss ? details.nearestKnownLoss.description : 'behaves like no known loss (its gradient on the probes is zero or not finite)';
      const plot = el('div', { class: 'halves-plot' });
      into.append(
        formula,
        el('div', { class: 'halves' },
          el('div', {}, el('code', {}, 't(' + details.halves.trueLabel + ', p) = ' + details.halves.trueClass), ' for the true class'),
          el('div', {}, el('code', {}, 't(' + details.halves.otherLabel + ', p) = ' + details.halves.otherClass), ' for every other class'),
          el('div', { class: 'muted' }, 'nearest known loss: ' + nearest)),
        plot,
        el('details', {}, el('summary', {}, 'PyTorch'), el('pre', {}, details.pyTorch)),
        el('details', {}, el('summary', {}, 'TorchSharp'), el('pre', {}, details.torchSharp)));
      halvesPlot(details.curves, plot);
    } catch (error) {
      into.append(el('p', { class: 'error' }, 'details: ' + error.message));
    }
  }

  function halvesPlot(curves, into) {
    if (typeof uPlot === 'undefined') return;
    const colours = ['#1f77b4', '#888', '#e4572e'];
    const data = [curves.p];
    const series = [{ label: 'p' }];
    const values = [];
    curves.series.forEach((s, i) => {
      for (const [half, dash, ys] of [['t(1,p)', null, s.trueClass], ['t(0,p)', [6, 4], s.otherClass]]) {
        data.push(ys);
        values.push(...ys.filter((v) => v !== null));
        series.push({ label: s.name + ' ' + half, stroke: colours[i % colours.length], width: i === 0 ? 2.5 : 1.5, dash: dash || undefined, points: { show: false }, value: (u, v) => number(v, 3) });
      }
    });
    // The y axis spans the curves' 95th percentile, so a term that explodes near p = 0 does not flatten the rest.
    values.sort((a, b) => a - b);
    const top = values.length ? values[Math.floor(0.95 * (values.length - 1))] : 1;
    new uPlot({
      width: 520, height: 220,
      scales: { x: { time: false, range: [0, 1] }, y: { range: [-0.05 * top, top * 1.1 + 1e-9] } },
      axes: [{ label: 'p (predicted probability of that class)' }, { size: 50 }],
      legend: { show: true, live: false },
      cursor: { show: false },
      series,
    }, data, into);
  }

  // ---------- live updates ----------
  let lastBest = null;

  function onStatus(next) {
    const progressed = !status || next.evaluationsDone !== status.evaluationsDone || next.bestFitness !== lastBest || next.state !== status.state;
    status = next;
    lastBest = next.bestFitness;
    renderStatus();
    if (next.evaluationsDone > history.loaded) scheduleHistory();
    if (progressed) loadHall(false);
    if (next.state === 'completed' || (terminal.has(next.state) && next.finalJobsTotal > 0)) loadFinal();
  }

  function follow() {
    const source = new EventSource('/api' + apiPath(id, '/events'));
    source.onopen = () => connection('live');
    source.onmessage = (event) => { onStatus(JSON.parse(event.data)); connection('live, updated ' + new Date().toLocaleTimeString('en-GB')); };
    source.addEventListener('end', () => {
      source.close();
      connection(status && terminal.has(status.state) ? 'the search has ended' : 'not running');
      loadHall(true);
      loadHistory();
      if (status && terminal.has(status.state)) loadFinal();
      else setTimeout(follow, 5000);
    });
    source.onerror = () => connection('connection lost; reconnecting…', true);
  }

  async function start() {
    try {
      const [first, settings] = await Promise.all([getJson(apiPath(id)), getJson('/control')]);
      control = settings.enabled;
      onStatus(first);
      await Promise.all([loadHistory(), loadHall(true)]);
      // When the page has drawn the history it opened with (the browser tests and the load measurement read it).
      document.body.dataset.loadedMs = String(Math.round(performance.now()));
      follow();
    } catch (error) {
      const node = document.getElementById('not-found');
      node.hidden = false;
      node.textContent = error.message;
      document.getElementById('search-name').textContent = id;
      connection('');
    }
  }

  start();
})();
