// The live dashboard: fills its charts from /v1/ops/metrics/history, keeps them live from the server-sent events of
// /v1/ops/metrics/stream, and drives the optimize runs. The session cookie authorises every call (same origin), so no
// token ever reaches this script. Everything from the server is inserted as text, never as HTML.
(() => {
    'use strict';

    const WINDOW_SECONDS = 15 * 60;
    const MAX_POINTS = 3000;
    const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];
    const STEPS = ['cache', 'analyze', 'pool', 'indexes'];

    const points = [];            // SuiteMetrics, oldest first
    const charts = new Map();     // chart id -> { plot, key, box }
    let events = 0;
    let renderPending = false;

    const $ = (id) => document.getElementById(id);
    const el = (tag, attrs, ...children) => {
        const node = document.createElement(tag);
        Object.entries(attrs || {}).forEach(([k, v]) => {
            if (k === 'class') node.className = v; else if (k === 'text') node.textContent = v; else node.setAttribute(k, v);
        });
        children.flat().forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
        return node;
    };

    class SessionEnded extends Error {}

    async function api(path, options = {}) {
        const headers = Object.assign({Accept: 'application/json'}, options.headers || {});
        const response = await fetch(path, Object.assign({}, options, {headers, credentials: 'same-origin'}));
        if (response.status === 401) {
            sessionEnded();
            throw new SessionEnded();
        }
        return response;
    }

    function sessionEnded() {
        const status = $('feed-status');
        status.textContent = 'session ended – reload to sign in again';
        status.className = 'status down';
    }

    // ---------------------------------------------------------------- metrics

    const time = (metrics) => Date.parse(metrics.at) / 1000;

    function add(metrics) {
        if (!metrics || !metrics.at || !Array.isArray(metrics.services)) return;
        const t = time(metrics);
        // The stream may repeat the snapshot the history ended with.
        if (points.length && t <= time(points[points.length - 1])) return;
        points.push(metrics);
        while (points.length && (points.length > MAX_POINTS || time(points[0]) < t - WINDOW_SECONDS)) points.shift();
    }

    function scheduleRender() {
        if (renderPending) return;
        renderPending = true;
        requestAnimationFrame(() => {
            renderPending = false;
            render();
        });
    }

    function render() {
        const latest = points[points.length - 1];
        document.body.dataset.points = String(points.length);
        document.body.dataset.events = String(events);
        if (!latest) return;
        renderAlerts(latest.alerts || []);
        renderServices(latest);
        renderCharts();
    }

    function renderAlerts(alerts) {
        const list = $('alerts');
        list.replaceChildren();
        if (!alerts.length) {
            list.append(el('li', {class: 'muted', text: 'No alerts.'}));
            return;
        }
        alerts.forEach((a) => list.append(el('li', {class: 'alert'},
            `${a.service} · ${a.name}: ${a.text || ''} (${fmt(a.value)} vs limit ${fmt(a.threshold)}, since ${when(a.since)})`)));
    }

    function renderServices(latest) {
        const columns = ['service', 'replicas', 'down', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors %', 'cache hit %',
            'pool', 'consumer lag', 'outbox', 'outbox age s', 'inbox', 'dead letters', 'RSS MB'];
        const rows = latest.services.map((s) => [s.service, s.replicas, (s.down || []).join(', '), fmt(s.requestRate),
            fmt(s.p50Ms), fmt(s.p95Ms), fmt(s.p99Ms), pct(s.errorRate), pct(s.cacheHitRate),
            s.pool ? `${s.pool.active}/${s.pool.max} (${s.pool.waiting} waiting)` : '', fmt(s.consumerLag),
            fmt(s.outboxBacklog), fmt(s.outboxOldestAge), fmt(s.inboxDepth), fmt(s.deadLetters),
            s.jvm ? fmt(s.jvm.rssBytes / 1048576) : '']);
        $('services').replaceChildren(table(null, columns, rows));
    }

    function chartSpecs(services) {
        const perService = (title, unit, value) => ({
            id: title.toLowerCase().replace(/[^a-z]+/g, '-'), title: `${title} (${unit})`, percent: unit === '%',
            series: services.map((name) => ({label: name, value: (p) => value(serviceOf(p, name))})),
        });
        const latency = services.map((name) => ({
            id: `latency-${name}`, title: `${name} latency (ms)`,
            series: [['p50', 'p50Ms'], ['p95', 'p95Ms'], ['p99', 'p99Ms']].map(([label, field]) => ({
                label, value: (p) => { const s = serviceOf(p, name); return s ? s[field] : null; },
            })),
        }));
        return latency.concat([
            perService('Throughput', 'req/s', (s) => s ? s.requestRate : null),
            perService('Error rate', '%', (s) => s ? s.errorRate * 100 : null),
            perService('Cache hit rate', '%', (s) => s && s.cacheHitRate != null ? s.cacheHitRate * 100 : null),
            perService('Pool usage', '%', (s) => s && s.pool && s.pool.max ? 100 * s.pool.active / s.pool.max : null),
            perService('Consumer lag', 'records', (s) => s ? s.consumerLag : null),
        ]);
    }

    function serviceOf(point, name) {
        return point.services.find((s) => s.service === name) || null;
    }

    function renderCharts() {
        if (typeof uPlot === 'undefined') return;
        const services = [...new Set(points.flatMap((p) => p.services.map((s) => s.service)))].sort();
        const xs = points.map(time);
        const container = $('charts');
        const wanted = new Set();
        chartSpecs(services).forEach((spec) => {
            wanted.add(spec.id);
            const data = [xs].concat(spec.series.map((series) => points.map((p) => num(series.value(p)))));
            const key = spec.series.map((s) => s.label).join('|');
            let chart = charts.get(spec.id);
            if (chart && chart.key !== key) {
                chart.plot.destroy();
                chart.box.remove();
                chart = null;
            }
            if (!chart) {
                const box = el('div', {class: 'chart', id: `chart-${spec.id}`});
                container.append(box);
                const plot = new uPlot({
                    title: spec.title, width: chartWidth(box), height: 200,
                    // Shares stay on a 0–100 scale, so a flat 90 % hit rate does not look like a wild swing.
                    scales: {x: {time: true}, y: spec.percent ? {range: (u, min, max) => [0, Math.max(100, max || 0)]} : {}},
                    series: [{}].concat(spec.series.map((s, i) => ({
                        label: s.label, stroke: COLORS[i % COLORS.length], width: 1.5, value: (u, v) => fmt(v),
                    }))),
                    axes: [{}, {size: 60}],
                }, data, box);
                chart = {plot, key, box};
                charts.set(spec.id, chart);
            } else {
                chart.plot.setData(data);
            }
            chart.box.dataset.points = String(xs.length);
        });
        [...charts.keys()].filter((id) => !wanted.has(id)).forEach((id) => {
            charts.get(id).plot.destroy();
            charts.get(id).box.remove();
            charts.delete(id);
        });
    }

    function chartWidth(box) {
        return Math.max(300, (box.clientWidth || box.parentElement.clientWidth / 2) - 10);
    }

    window.addEventListener('resize', () => charts.forEach((c) => c.plot.setSize({width: chartWidth(c.box), height: 200})));

    async function loadHistory() {
        try {
            const response = await api('/v1/ops/metrics/history?minutes=15');
            if (!response.ok) return;
            const history = await response.json();
            (Array.isArray(history) ? history : []).forEach(add);
            scheduleRender();
        } catch (e) {
            if (!(e instanceof SessionEnded)) console.warn('metrics history', e);
        }
    }

    function connectStream() {
        const status = $('feed-status');
        const source = new EventSource('/v1/ops/metrics/stream');
        const onMetrics = (event) => {
            try {
                events++;
                add(JSON.parse(event.data));
                status.textContent = `live · ${new Date().toLocaleTimeString()}`;
                status.className = 'status live';
                scheduleRender();
            } catch (e) {
                console.warn('metrics event', e);
            }
        };
        source.addEventListener('message', onMetrics);
        source.addEventListener('metrics', onMetrics);
        source.addEventListener('open', () => { status.textContent = 'live'; status.className = 'status live'; });
        source.addEventListener('error', () => {
            status.textContent = 'feed interrupted, reconnecting…';
            status.className = 'status down';
            // EventSource reconnects by itself; a session that ended shows up on the next API call instead.
            api('/v1/ops/reports?limit=1').catch(() => source.close());
        });
    }

    // ---------------------------------------------------------------- tables of JSON

    const num = (v) => (v == null || Number.isNaN(Number(v)) ? null : Number(v));

    function fmt(v) {
        if (v == null || v === '') return '';
        if (typeof v !== 'number') return String(v);
        if (Number.isInteger(v)) return v.toLocaleString('en');
        return v.toLocaleString('en', {maximumFractionDigits: Math.abs(v) < 10 ? 2 : 1});
    }

    const pct = (v) => (v == null ? '' : fmt(v * 100));
    const when = (v) => (v ? new Date(v).toLocaleString() : '');

    function bytes(v) {
        if (typeof v !== 'number') return fmt(v);
        const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
        let i = 0;
        while (Math.abs(v) >= 1024 && i < units.length - 1) { v /= 1024; i++; }
        return `${fmt(i ? Math.round(v * 10) / 10 : v)} ${units[i]}`;
    }

    function table(caption, columns, rows) {
        const t = el('table');
        if (caption) t.append(el('caption', {text: caption}));
        t.append(el('thead', {}, el('tr', {}, columns.map((c) => el('th', {text: c})))));
        t.append(el('tbody', {}, rows.map((row) => el('tr', {}, row.map((v) => {
            const td = el('td');
            if (v instanceof Node) td.append(v); else td.textContent = v == null ? '' : String(v);
            if (typeof v === 'number' || /^-?[\d,.]+( [KMGT]?i?B)?$/.test(String(v))) td.className = 'num';
            return td;
        })))));
        return t;
    }

    const isRecord = (v) => v != null && typeof v === 'object' && !Array.isArray(v);

    function rowsOf(json) {
        if (Array.isArray(json)) return json;
        if (isRecord(json)) {
            if (Array.isArray(json.items)) return json.items;
            const list = Object.values(json).find((v) => Array.isArray(v) && v.some(isRecord));
            return list || [json];
        }
        return [];
    }

    async function loadJson(path, containerId) {
        const container = $(containerId);
        try {
            const response = await api(path);
            container.replaceChildren();
            if (response.status === 404) {
                container.append(el('p', {class: 'muted', text: 'Not available on this server yet.'}));
                return null;
            }
            if (!response.ok) {
                container.append(el('p', {class: 'error', text: await problemText(response)}));
                return null;
            }
            const json = await response.json();
            container.dataset.loaded = 'true';
            return json;
        } catch (e) {
            if (!(e instanceof SessionEnded)) {
                container.replaceChildren(el('p', {class: 'error', text: `Could not load ${path}: ${e.message}`}));
            }
            return null;
        }
    }

    async function problemText(response) {
        const problem = await response.json().catch(() => null);
        return (problem && (problem.detail || problem.title)) || `HTTP ${response.status}`;
    }

    /** Each service's database, biggest tables and indexes first, folded: a service has dozens of indexes. */
    async function loadDatabases() {
        const json = await loadJson('/v1/ops/databases', 'databases');
        if (json == null) return;
        const container = $('databases');
        if (!json.length) {
            container.append(el('p', {class: 'muted', text: 'No service database is configured.'}));
            return;
        }
        json.forEach((db) => {
            const tables = [...(db.tables || [])].sort((a, b) => b.totalBytes - a.totalBytes);
            const indexes = [...(db.indexes || [])].sort((a, b) => b.bytes - a.bytes);
            const box = el('details', {'data-database': db.service});
            box.append(el('summary', {text: db.error ? `${db.service} (${db.database}): ${db.error}`
                : `${db.service} (${db.database}) · ${bytes(db.sizeBytes)} · ${tables.length} tables · ${indexes.length} indexes`}));
            box.append(table('Tables', ['table', 'rows', 'dead %', 'seq scans', 'index scans', 'data', 'indexes', 'total'],
                tables.map((t) => [t.schema === 'public' ? t.table : `${t.schema}.${t.table}`, fmt(t.liveRows),
                    pct(t.deadShare), fmt(t.seqScan), fmt(t.idxScan), bytes(t.tableBytes), bytes(t.indexBytes),
                    bytes(t.totalBytes)])));
            box.append(table('Indexes', ['index', 'table', 'size', 'scans', 'unique', 'valid'],
                indexes.map((i) => [i.index, i.table, bytes(i.bytes), fmt(i.idxScan), i.unique ? 'yes' : '',
                    i.valid ? 'yes' : 'INVALID'])));
            container.append(box);
        });
    }

    /** Load tests started through perf-ops, newest first, each folded to its line until opened. */
    async function loadLoadtests() {
        const json = await loadJson('/v1/ops/loadtests', 'loadtests');
        if (json == null) return;
        const runs = rowsOf(json);
        const container = $('loadtests');
        if (!runs.length) {
            container.append(el('p', {class: 'muted', text: 'No load tests yet (./callbook ops bench <name>).'}));
            return;
        }
        runs.forEach((run) => {
            const box = el('details', {'data-loadtest': run.id});
            const exit = run.exitCode == null ? '' : ` (exit ${run.exitCode})`;
            box.append(el('summary', {text: `${when(run.startedAt)} · ${run.bench} ${(run.args || []).join(' ')} · `
                + `${run.status}${exit} · ${duration(run.startedAt, run.finishedAt)}`}));
            if (run.error) box.append(el('p', {class: 'error', text: run.error}));
            const summary = run.summary || {};
            (summary.tables || []).forEach((t) => box.append(table(t.title, t.columns || [], t.rows || [])));
            (summary.notes || []).forEach((note) => box.append(el('p', {class: 'muted', text: note})));
            container.append(box);
        });
    }

    async function loadReports() {
        const json = await loadJson('/v1/ops/reports?limit=10', 'reports');
        if (json == null) return;
        const reports = rowsOf(json);
        const container = $('reports');
        if (!reports.length) {
            container.append(el('p', {class: 'muted', text: 'No runs yet.'}));
            return;
        }
        const rows = reports.map((r) => {
            const link = el('a', {class: 'action', text: 'show', 'data-report': r.id});
            link.addEventListener('click', () => showReport(r));
            return [when(r.startedAt), r.trigger, r.requestedBy, optionsText(r.options), r.status,
                r.status === 'RUNNING' ? `${r.progress}%` : duration(r.startedAt, r.finishedAt),
                (r.newFindings || []).length, link];
        });
        container.append(table(null, ['started', 'trigger', 'by', 'steps', 'status', 'took', 'new findings', ''], rows));
    }

    const optionsText = (o) => (o ? STEPS.filter((s) => o[s]).join(', ') + (o.dryRun ? ' (dry run)' : '') : '');

    function duration(from, to) {
        if (!from || !to) return '';
        return `${fmt((Date.parse(to) - Date.parse(from)) / 1000)} s`;
    }

    // ---------------------------------------------------------------- operations

    function showReport(report) {
        const box = $('run-report');
        box.replaceChildren();
        box.dataset.reportId = report.id;
        box.dataset.status = report.status;
        box.append(el('h3', {text: `Report ${report.id} · ${report.status} · ${optionsText(report.options)}`}));
        if (report.error) box.append(el('p', {class: 'error', text: report.error}));
        (report.steps || []).forEach((step) => {
            const section = el('div', {class: 'step', 'data-step': step.step});
            section.append(el('h3', {text: `${step.step}: ${step.summary || ''} (${fmt(step.durationMs)} ms)`}));
            (step.tables || []).forEach((t) => section.append(table(t.title, t.columns || [], t.rows || [])));
            if ((step.findings || []).length) {
                section.append(findingsTable('Findings', step.findings));
            }
            if ((step.actions || []).length) {
                section.append(el('ul', {}, step.actions.map((a) => el('li', {}, el('code', {text: String(a)})))));
            }
            box.append(section);
        });
        if ((report.newFindings || []).length) box.append(findingsTable('New since the last run', report.newFindings));
    }

    function findingsTable(caption, findings) {
        return table(caption, ['service', 'kind', 'finding', 'action'],
            findings.map((f) => [f.service, f.kind, f.text, f.action ? el('code', {text: f.action}) : '']));
    }

    function setRunning(running) {
        $('run').disabled = running;
        $('dry-run').disabled = running;
    }

    async function optimize(dryRun) {
        const form = $('optimize');
        const body = {dryRun};
        STEPS.forEach((s) => { body[s] = form.elements[s].checked; });
        const error = $('run-error');
        error.hidden = true;
        if (!STEPS.some((s) => body[s])) {
            error.textContent = 'Choose at least one step.';
            error.hidden = false;
            return;
        }
        if (!dryRun && !window.confirm(`Run ${optionsText(body)} for real? This may change the services' databases.`)) return;
        setRunning(true);
        try {
            const response = await api('/v1/ops/optimize', {
                method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body),
            });
            if (!response.ok) {
                error.textContent = await problemText(response);
                error.hidden = false;
                setRunning(false);
                return;
            }
            const report = await response.json();
            await follow(report);
        } catch (e) {
            if (!(e instanceof SessionEnded)) {
                error.textContent = e.message;
                error.hidden = false;
            }
            setRunning(false);
        }
    }

    async function follow(report) {
        const state = $('run-state');
        state.hidden = false;
        for (;;) {
            $('run-progress').value = report.progress || 0;
            $('run-step').textContent = `${report.status} ${report.progress || 0}% ${report.currentStep || ''}`;
            if (report.status !== 'RUNNING') break;
            await new Promise((resolve) => setTimeout(resolve, 1000));
            const response = await api(`/v1/ops/reports/${encodeURIComponent(report.id)}`);
            if (!response.ok) throw new Error(await problemText(response));
            report = await response.json();
        }
        showReport(report);
        setRunning(false);
        loadReports();
        loadLoadtests();
    }

    // ---------------------------------------------------------------- start

    $('run').addEventListener('click', () => optimize(false));
    $('dry-run').addEventListener('click', () => optimize(true));
    loadHistory().then(connectStream);
    loadReports();
    loadLoadtests();
    loadDatabases();
    setInterval(loadDatabases, 60000);
})();
