/** Styles of report.html (inlined: the page needs no network). */
export const REPORT_STYLE = `
:root { --per: #fde2a7; --org: #c9e4ff; --loc: #cdeccd; --ink: #1d2430; --muted: #5d6775; --line: #d8dde5; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f7f9; }
header { background: #1d2430; color: #fff; padding: 16px 28px; }
header h1 { margin: 0; font-size: 22px; }
header p { margin: 4px 0 0; color: #c5cbd3; }
main { max-width: 1180px; margin: 0 auto; padding: 8px 20px 60px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 20px; margin: 18px 0; }
h2 { font-size: 18px; margin: 4px 0 12px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 130px; }
.card b { display: block; font-size: 20px; }
.card span { color: var(--muted); font-size: 13px; }
.columns { display: grid; grid-template-columns: repeat(3, 1fr); gap: 18px; }
.columns ol { margin: 0; padding-left: 22px; max-height: 420px; overflow: auto; }
.columns li { cursor: pointer; }
.columns li:hover { text-decoration: underline; }
.note, .muted { color: var(--muted); font-size: 13px; }
#search { width: 100%; padding: 8px 10px; font-size: 15px; border: 1px solid var(--line); border-radius: 6px; }
#results { max-height: 360px; overflow: auto; }
#results li { cursor: pointer; padding: 2px 0; }
#results li:hover { text-decoration: underline; }
mark { border-radius: 3px; padding: 0 1px; color: inherit; }
mark.PERSON { background: var(--per); } mark.ORGANIZATION { background: var(--org); } mark.LOCATION { background: var(--loc); }
.evidence { text-decoration: underline 2px #c0392b; text-underline-offset: 3px; }
#doc-text { white-space: pre-wrap; border-top: 1px solid var(--line); padding-top: 10px; }
.chip { display: inline-block; margin: 2px 4px 2px 0; padding: 0 6px; border-radius: 10px; font-size: 13px; }
.chip.PERSON { background: var(--per); } .chip.ORGANIZATION { background: var(--org); } .chip.LOCATION { background: var(--loc); }
svg text { font-size: 11px; fill: var(--ink); pointer-events: none; }
svg circle { cursor: pointer; stroke: #fff; stroke-width: 1.5; }
svg line { stroke: #9aa5b4; }
`;

/** The page's script: renders the embedded data (inlined: the page needs no network). */
export const REPORT_SCRIPT = String.raw`
(function () {
  var D = JSON.parse(document.getElementById('data').textContent);
  var TYPES = ['PERSON', 'ORGANIZATION', 'LOCATION'];
  var COLORS = ['#e0a526', '#3d8fd1', '#4caf50'];
  var $ = function (id) { return document.getElementById(id); };
  var fmt = function (n) { return Number(n).toLocaleString('en-US'); };
  var esc = function (s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); };
  var o = D.overview;

  $('subtitle').textContent = fmt(o.documents) + ' documents' + (o.from ? ', ' + o.from + ' to ' + o.to : '');
  var cards = [['documents', o.documents, 'documents'], ['words', o.words, 'words'], ['people', o.entities.PERSON, 'people'],
    ['organizations', o.entities.ORGANIZATION, 'organisations'], ['locations', o.entities.LOCATION, 'places'], ['mentions', o.mentions, 'mentions'],
    ['publishers', o.publisherCount, 'publishers'], ['problems', Object.values(o.problems).reduce(function (a, b) { return a + b; }, 0), 'problems']];
  $('cards').innerHTML = cards.map(function (c) { return '<div class="card" data-key="' + c[0] + '" data-value="' + c[1] + '"><b>' + fmt(c[1]) + '</b><span>' + c[2] + '</span></div>'; }).join('')
    + (o.from ? '<div class="card" data-key="dates"><b>' + o.from + '</b><span>to ' + o.to + '</span></div>' : '');
  $('publishers').innerHTML = o.publishers.length ? '<p class="muted">Publishers: ' + o.publishers.map(function (p) { return esc(p[0]) + ' (' + fmt(p[1]) + ')'; }).join(', ') + '</p>' : '';
  var codes = Object.keys(o.problems).sort();
  $('problems').innerHTML = codes.length ? '<p class="muted">Problems (problems.csv): ' + codes.map(function (c) { return c + ' ' + o.problems[c]; }).join(', ') + '</p>' : '';

  $('top').innerHTML = TYPES.map(function (t, i) {
    return '<div><h3>' + ['People', 'Organisations', 'Places'][i] + '</h3><ol data-type="' + t + '">' + D.top[t].map(function (e) {
      return '<li data-entity="' + e[3] + '">' + esc(e[0]) + ' <span class="muted">' + fmt(e[1]) + ' docs, ' + fmt(e[2]) + ' mentions</span></li>';
    }).join('') + '</ol></div>';
  }).join('');
  $('top').addEventListener('click', function (ev) {
    var li = ev.target.closest('li[data-entity]');
    if (li) searchFor(D.entities[+li.dataset.entity][0]);
  });

  // Themes by month (uPlot).
  if (D.months.length && window.uPlot) {
    var xs = D.months.map(function (m) { return Date.UTC(+m.slice(0, 4), +m.slice(5, 7) - 1, 1) / 1000; });
    var palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173'];
    new uPlot({
      width: Math.min(1100, document.body.clientWidth - 80), height: 320,
      series: [{}].concat(D.themes.map(function (t, i) { return { label: t.label, stroke: palette[i % palette.length], width: 1.5, points: { show: D.months.length < 40 } }; })),
      axes: [{}, { label: 'documents' }],
      scales: { x: { time: true } },
    }, [xs].concat(D.series), $('chart'));
  } else {
    $('chart').innerHTML = '<p class="muted">No dated documents.</p>';
  }

  // Co-occurrence network: a small force layout, deterministic (seeded start, fixed steps).
  (function () {
    var W = 900, H = 560, n = D.nodes.length, svg = $('graph');
    if (!n) { svg.outerHTML = '<p class="muted">No entities.</p>'; return; }
    var seed = 1, rnd = function () { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
    var pos = D.nodes.map(function () { return [W / 2 + (rnd() - 0.5) * W * 0.8, H / 2 + (rnd() - 0.5) * H * 0.8]; });
    var idx = {}; D.nodes.forEach(function (e, i) { idx[e] = i; });
    var links = D.edges.map(function (e) { return [idx[e[0]], idx[e[1]], e[2]]; });
    for (var step = 0; step < 300; step++) {
      var f = pos.map(function () { return [0, 0]; });
      for (var i = 0; i < n; i++) for (var j = i + 1; j < n; j++) {
        var dx = pos[i][0] - pos[j][0], dy = pos[i][1] - pos[j][1], d2 = dx * dx + dy * dy + 0.01, k = 1800 / d2;
        f[i][0] += dx * k; f[i][1] += dy * k; f[j][0] -= dx * k; f[j][1] -= dy * k;
      }
      links.forEach(function (l) {
        var a = pos[l[0]], b = pos[l[1]], dx = b[0] - a[0], dy = b[1] - a[1], d = Math.sqrt(dx * dx + dy * dy) || 1, k = (d - 90) * 0.02;
        f[l[0]][0] += dx / d * k * d * 0.05; f[l[0]][1] += dy / d * k * d * 0.05; f[l[1]][0] -= dx / d * k * d * 0.05; f[l[1]][1] -= dy / d * k * d * 0.05;
      });
      var t = 1 - step / 300;
      pos.forEach(function (p, i) {
        p[0] += Math.max(-20, Math.min(20, f[i][0] + (W / 2 - p[0]) * 0.01)) * t;
        p[1] += Math.max(-20, Math.min(20, f[i][1] + (H / 2 - p[1]) * 0.01)) * t;
        p[0] = Math.max(20, Math.min(W - 20, p[0])); p[1] = Math.max(15, Math.min(H - 15, p[1]));
      });
    }
    var max = Math.max.apply(null, links.map(function (l) { return l[2]; }).concat([1]));
    svg.innerHTML = links.map(function (l) {
      return '<line x1="' + pos[l[0]][0].toFixed(1) + '" y1="' + pos[l[0]][1].toFixed(1) + '" x2="' + pos[l[1]][0].toFixed(1) + '" y2="' + pos[l[1]][1].toFixed(1) + '" stroke-width="' + (0.5 + 3 * l[2] / max).toFixed(2) + '"/>';
    }).join('') + D.nodes.map(function (e, i) {
      var ent = D.entities[e];
      return '<g data-entity="' + e + '"><circle cx="' + pos[i][0].toFixed(1) + '" cy="' + pos[i][1].toFixed(1) + '" r="6" fill="' + COLORS[ent[1]] + '"><title>' + esc(ent[0]) + '</title></circle><text x="' + (pos[i][0] + 8).toFixed(1) + '" y="' + (pos[i][1] + 4).toFixed(1) + '">' + esc(ent[0]) + '</text></g>';
    }).join('');
    svg.addEventListener('click', function (ev) {
      var g = ev.target.closest('g[data-entity]');
      if (g) searchFor(D.entities[+g.dataset.entity][0]);
    });
  })();

  // Search and document view.
  var lowerTitles = D.docs.map(function (d) { return (d[1] || d[0]).toLowerCase(); });
  var lowerEntities = D.entities.map(function (e) { return e[0].toLowerCase(); });
  function search(q) {
    q = q.trim().toLowerCase();
    var out = [];
    if (!q) { $('results').innerHTML = ''; return; }
    var hits = {};
    lowerEntities.forEach(function (name, i) { if (name.indexOf(q) >= 0) hits[i] = true; });
    for (var i = 0; i < D.docs.length && out.length < 200; i++) {
      var d = D.docs[i];
      if (lowerTitles[i].indexOf(q) >= 0 || d[5].some(function (e) { return hits[e]; })) out.push(i);
    }
    $('results').innerHTML = out.length ? out.map(function (i) {
      var d = D.docs[i];
      return '<li data-doc="' + i + '">' + esc(d[1] || d[0]) + ' <span class="muted">' + esc(d[2]) + (d[3] ? ' · ' + esc(d[3]) : '') + '</span></li>';
    }).join('') : '<li class="muted">No document matches.</li>';
  }
  function searchFor(q) { $('search').value = q; search(q); $('search-section').scrollIntoView(); }
  var timer;
  $('search').addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(function () { search($('search').value); }, 120); });
  $('results').addEventListener('click', function (ev) { var li = ev.target.closest('li[data-doc]'); if (li) showDoc(+li.dataset.doc); });

  function showDoc(i) {
    var d = D.docs[i], t = D.texts[i];
    $('document').hidden = false;
    $('doc-title').textContent = d[1] || d[0];
    $('doc-meta').textContent = d[0] + (d[2] ? ' · ' + d[2] : '') + (d[3] ? ' · ' + d[3] : '') + (d[4].length ? ' · themes: ' + d[4].map(function (k) { return D.themes[k].id; }).join(', ') : '');
    $('doc-entities').innerHTML = d[5].map(function (e) { var ent = D.entities[e]; return '<span class="chip ' + TYPES[ent[1]] + '">' + esc(ent[0]) + '</span>'; }).join('');
    if (!t) { $('doc-text').innerHTML = '<p class="muted">This document\'s text is not embedded (the report keeps its size bounded); it is in documents.jsonl.</p>'; }
    else {
      var cuts = {}; cuts[0] = 1; cuts[t.t.length] = 1;
      t.m.concat(t.v).forEach(function (s) { cuts[s[0]] = 1; cuts[s[1]] = 1; });
      var points = Object.keys(cuts).map(Number).sort(function (a, b) { return a - b; });
      var html = '', mi = 0, vi = 0;
      for (var k = 0; k + 1 < points.length; k++) {
        var a = points[k], b = points[k + 1], seg = esc(t.t.slice(a, b));
        while (mi < t.m.length && t.m[mi][1] <= a) mi++;
        while (vi < t.v.length && t.v[vi][1] <= a) vi++;
        var inEvidence = false;
        for (var q = vi; q < t.v.length && t.v[q][0] <= a; q++) if (t.v[q][1] > a) inEvidence = true;
        if (inEvidence) seg = '<span class="evidence" title="' + esc(D.themes[Math.max(0, t.v[vi][2])].label) + '">' + seg + '</span>';
        if (mi < t.m.length && t.m[mi][0] <= a && t.m[mi][1] >= b) seg = '<mark class="' + TYPES[t.m[mi][2]] + '">' + seg + '</mark>';
        html += seg;
      }
      $('doc-text').innerHTML = html;
    }
    $('document').scrollIntoView();
  }
  window.presslensReport = { search: search, showDoc: showDoc };
})();
`;
