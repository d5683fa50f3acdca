// Helpers both pages share. Every string from the API reaches the page as a text node (el() and
// textContent), never as markup, so a search id or an expression cannot inject HTML or script.
'use strict';

const EvoGrains = (() => {
  const api = (path) => fetch('/api' + path, { headers: { Accept: 'application/json' } });

  async function getJson(path) {
    const response = await api(path);
    if (!response.ok) {
      let message = response.status + ' ' + response.statusText;
      try { message = (await response.json()).error || message; } catch { /* not JSON */ }
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  // el('td', { class: 'num' }, 'text', childNode, ...): children that are strings become text nodes.
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const searchPath = (id) => '/searches/' + encodeURIComponent(id);
  const apiPath = (id, rest) => '/searches/' + encodeURIComponent(id) + (rest || '');

  const number = (value, digits) => (value === null || value === undefined || !Number.isFinite(value)) ? '–' : value.toFixed(digits);
  const integer = (value) => (value === null || value === undefined) ? '–' : Number(value).toLocaleString('en-US');
  const pValue = (value) => (value === null || value === undefined) ? '–' : (value < 1e-4 ? value.toExponential(1) : value.toFixed(4));

  const stateNames = {
    created: 'created', running: 'running', paused: 'paused', finalStage: 'final stage',
    completed: 'completed', cancelled: 'cancelled', failed: 'failed',
  };
  const stateText = (state) => stateNames[state] || String(state);

  function time(iso) {
    if (!iso) return '–';
    const date = new Date(iso);
    return date.toLocaleString('en-GB', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  function minutesSince(status) {
    if (!status.startedAt) return 0;
    const end = status.endedAt ? new Date(status.endedAt) : new Date();
    return Math.max(0, (end - new Date(status.startedAt)) / 60000);
  }

  // Every budget the search has, as [label, done, total, text]: evaluations, training steps, minutes, final stage.
  function budgets(status) {
    const rows = [['evaluations', status.evaluationsDone, status.maxEvaluations, integer(status.evaluationsDone) + ' / ' + integer(status.maxEvaluations)]];
    if (status.maxTrainingSteps > 0) {
      rows.push(['training steps', status.trainingSteps, status.maxTrainingSteps, integer(status.trainingSteps) + ' / ' + integer(status.maxTrainingSteps)]);
    }
    if (status.maxMinutes > 0) {
      const minutes = minutesSince(status);
      rows.push(['time', minutes, status.maxMinutes, minutes.toFixed(1) + ' / ' + status.maxMinutes + ' min']);
    }
    if (status.finalJobsTotal > 0) {
      rows.push(['final stage', status.finalJobsDone, status.finalJobsTotal, status.finalJobsDone + ' / ' + status.finalJobsTotal + ' trainings']);
    }
    return rows;
  }

  function progressBar(label, done, total, text) {
    const fraction = total > 0 ? Math.max(0, Math.min(1, done / total)) : 0;
    const bar = el('progress', { max: 1, value: fraction.toFixed(4), title: label + ': ' + text });
    return el('div', { class: 'budget' }, el('span', { class: 'budget-label' }, label), bar, el('span', { class: 'budget-text' }, text));
  }

  function connection(text, isError) {
    const node = document.getElementById('connection');
    if (!node) return;
    node.textContent = text;
    node.className = isError ? 'error' : 'muted';
  }

  return { getJson, el, searchPath, apiPath, number, integer, pValue, stateText, time, budgets, progressBar, connection };
})();
