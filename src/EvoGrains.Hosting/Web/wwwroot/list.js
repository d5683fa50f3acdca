// The list of searches: /api/searches, then each search's status (those still under way, every few seconds).
'use strict';

(() => {
  const { getJson, el, searchPath, apiPath, number, stateText, time, budgets, progressBar, connection } = EvoGrains;
  const statuses = new Map();
  const terminal = new Set(['completed', 'cancelled', 'failed']);

  async function refresh() {
    try {
      const searches = await getJson('/searches');
      await Promise.all(searches.map(async (search) => {
        const known = statuses.get(search.searchId);
        if (known && terminal.has(known.state)) return;
        try {
          statuses.set(search.searchId, await getJson(apiPath(search.searchId)));
        } catch (error) {
          if (error.status !== 404) throw error;
        }
      }));
      render(searches);
      document.body.dataset.loadedMs = document.body.dataset.loadedMs || String(Math.round(performance.now()));
      connection('updated ' + new Date().toLocaleTimeString('en-GB'));
    } catch (error) {
      connection('cannot reach the silo: ' + error.message, true);
    }
  }

  function render(searches) {
    const body = document.querySelector('#searches tbody');
    document.getElementById('empty').hidden = searches.length > 0;
    // Newest first: the one being watched is usually the latest.
    const rows = searches.slice().reverse().map((search) => {
      const status = statuses.get(search.searchId);
      const state = status ? status.state : search.state;
      const progress = status ? budgets(status).map((b) => progressBar(...b)) : [];
      return el('tr', { 'data-search-id': search.searchId },
        el('td', {}, el('a', { href: searchPath(search.searchId), class: 'search-link' }, search.name), el('div', { class: 'muted small' }, search.searchId)),
        el('td', {}, el('span', { class: 'state state-' + state }, stateText(state))),
        el('td', { class: 'budgets' }, progress),
        el('td', { class: 'num' }, status ? number(status.bestFitness, 4) : '–'),
        el('td', {}, time(status && status.startedAt ? status.startedAt : search.createdAt)));
    });
    body.replaceChildren(...rows);
  }

  refresh();
  setInterval(refresh, 5000);
})();
