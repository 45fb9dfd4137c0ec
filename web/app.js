// 支部通 site: renders each page from its path with the JSON API. No innerHTML: every text goes in as a text node.
'use strict';

const ALL_TYPES = ['机关', '高校', '中小学', '国有企业', '非公企业', '社会组织', '农村', '社区'];
const KIND_LABELS = { clause: '条文', case: '案例', document: '文件' };
const DOC_KIND_LABELS = { policy: '政策文件', regulation: '党内法规', experience: '经验材料' };
const PAGE_SIZE = 10;
const DOCS_PAGE_SIZE = 50;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function link(href, text, attrs) {
  return el('a', Object.assign({ href }, attrs || {}), text);
}

// One JSON request, with the token as bearer when given; a refusal throws the server's sentence and its status.
async function request(method, path, body, token) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = 'Bearer ' + token;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 204) return null;
  const answer = await response.json().catch(() => ({ error: '服务器没有返回有效数据。' }));
  if (!response.ok) {
    const error = new Error(answer.error || ('请求失败（' + response.status + '）'));
    error.status = response.status;
    throw error;
  }
  return answer;
}

function api(path) {
  return request('GET', path);
}

// One page of the documents list, and how many documents there are in all (the X-Total-Count header).
async function documentPage(offset, limit) {
  const response = await fetch('/api/documents?limit=' + limit + '&offset=' + offset, { headers: { Accept: 'application/json' } });
  const documents = await response.json().catch(() => null);
  if (!response.ok || !Array.isArray(documents)) {
    throw new Error((documents && documents.error) || ('请求失败（' + response.status + '）'));
  }
  return { documents, total: parseInt(response.headers.get('X-Total-Count') || String(documents.length), 10) };
}

// Previous and next links (or buttons) over a list of total items shown size at a time from offset.
function pager(offset, size, total, go) {
  const nav = el('nav', { class: 'pager', 'aria-label': '翻页' });
  if (offset > 0) nav.append(go(Math.max(0, offset - size), '上一页', 'prev'));
  nav.append(el('span', {}, '第 ' + (Math.floor(offset / size) + 1) + ' 页 / 共 ' + Math.max(1, Math.ceil(total / size)) + ' 页'));
  if (offset + size < total) nav.append(go(offset + size, '下一页', 'next'));
  return nav;
}

// The server escapes every character of a snippet and adds only <mark>…</mark>; rebuild it as nodes.
function snippetNodes(html) {
  const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const nodes = [];
  const parts = String(html || '').split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === '<mark>') { marked = true; continue; }
    if (part === '</mark>') { marked = false; continue; }
    if (!part) continue;
    nodes.push(marked ? el('mark', {}, decode(part)) : document.createTextNode(decode(part)));
  }
  return nodes;
}

function typeBadges(types) {
  if (!types || types.length === 0) return [];
  if (types.length === ALL_TYPES.length) return [el('span', { class: 'badge type' }, '各类型党支部')];
  return types.map((t) => el('span', { class: 'badge type' }, t));
}

function statusBadge(status) {
  if (!status) return null;
  return el('span', { class: 'badge ' + (status === '现行有效' ? 'current' : 'old') }, status);
}

function breadcrumb(items) {
  const list = el('ol', { class: 'crumbs' });
  items.forEach((item) => list.append(el('li', {}, item)));
  return el('nav', { 'aria-label': '位置' }, list);
}

function paragraphs(text) {
  return String(text || '').split(/\n+/).filter((p) => p.trim()).map((p) => el('p', {}, p));
}

function citation(doc, clause) {
  const number = doc && doc.docNumber ? '（' + doc.docNumber + '）' : '';
  return '《' + (doc ? doc.title : clause.docTitle) + '》' + number + clause.path.join(' ');
}

function setTitle(text) {
  document.title = text ? text + ' · 支部通' : '支部通 · 党支部标准化规范化建设知识库';
}

function showError(main, error) {
  main.replaceChildren(el('div', { class: 'notice error', role: 'alert' }, error.message || String(error)));
}

// ---------- search page ----------

function searchUrl(params, changes) {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  if (!('offset' in changes)) next.delete('offset');
  return '/?' + next.toString();
}

async function renderHome(main, params) {
  setTitle('');
  const from = Math.max(0, parseInt(params.get('from') || '0', 10) || 0);
  const { documents: docs, total } = await documentPage(from, DOCS_PAGE_SIZE);
  const examples = ['党员大会多久开一次', '支委会多长时间召开一次', '党员不够三个人怎么建支部', '高校学生党员活动经费标准', '主题党日定在哪一天'];
  main.replaceChildren(
    el('section', { class: 'intro' },
      el('h1', {}, '党支部标准化规范化建设 · 条文检索'),
      el('p', {}, '用自己的话提问，直接找到规定原文、出处和在文件中的位置，并对照不同文件的不同说法。'),
      el('p', { class: 'examples' }, '试试：', examples.map((q) => link('/?q=' + encodeURIComponent(q), q, { class: 'chip' })))),
    el('section', {},
      el('h2', { id: 'documents' }, '收录文件（' + total + '）'),
      el('ul', { class: 'doclist' }, docs.map((d) => el('li', {},
        link('/d/' + encodeURIComponent(d.id), d.title), ' ',
        el('span', { class: 'meta' }, [d.issuer, d.docNumber, d.date].filter(Boolean).join(' · ')), ' ',
        el('span', { class: 'badge kind' }, DOC_KIND_LABELS[d.kind] || d.kind), ' ', statusBadge(d.status)))),
      total > DOCS_PAGE_SIZE ? pager(from, DOCS_PAGE_SIZE, total,
        (at, label, rel) => link(at ? '/?from=' + at + '#documents' : '/#documents', label, { rel })) : null));
}

async function renderSearch(main, params) {
  const q = params.get('q') || '';
  const kind = params.get('kind') || 'clause';
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  setTitle(q + ' 的检索结果');
  const query = new URLSearchParams({ q, kind, limit: PAGE_SIZE, offset });
  for (const key of ['branchType', 'docId', 'constraints']) if (params.get(key)) query.set(key, params.get(key));
  const result = await api('/api/search?' + query);
  const documents = result.documents || [];
  const repeated = new Set(documents.map((d) => d.docTitle).filter((t, i, all) => all.indexOf(t) !== i));
  // a title several places share is named with its issuer
  const docLabel = (d) => d.docTitle + (repeated.has(d.docTitle) && (d.issuer || d.region) ? '（' + (d.issuer || d.region) + '）' : '');
  const filtered = params.get('docId');
  const filteredTitle = (documents.find((d) => d.docId === filtered) || result.hits.find((h) => h.docId === filtered) || {}).docTitle;

  const heading = el('h1', { class: 'results-title' }, '“', q, '” ', el('span', { class: 'meta' }, (result.totalRelation === 'gte' ? '至少 ' : '共 ') + result.total + ' 条' + KIND_LABELS[kind === 'all' ? 'clause' : kind] + '（' + result.tookMs + ' 毫秒）'));
  const active = [];
  if (params.get('branchType')) active.push(['branchType', '类型：' + params.get('branchType')]);
  if (filtered) active.push(['docId', '文件：' + (filteredTitle || filtered)]);
  const filters = active.length === 0 ? null : el('p', { class: 'active-filters' }, '已筛选：',
    active.map(([key, label]) => link(searchUrl(params, { [key]: null }), label + ' ✕', { class: 'chip', 'aria-label': '取消' + label })));
  // the places or documents the question names: applied as a filter the user sees and can take off, or taken off
  // and restorable
  const named = result.constraints || [];
  const applied = named.filter((c) => c.applied);
  const byDocument = named.some((c) => c.kind === 'document');
  const what = byDocument ? '文件' : '地方';
  const constraints = named.length === 0 ? null : applied.length
    ? el('p', { class: 'active-filters constraints' }, byDocument ? '按问题中的文件：' : '按问题中的地名：',
      applied.map((c) => link(searchUrl(params, { constraints: 'none' }), c.label + ' ✕',
        { class: 'chip', 'aria-label': '取消' + c.label + '，显示所有' + what + '的规定' })))
    : params.get('constraints') === 'none'
      ? el('p', { class: 'active-filters constraints' }, '已显示所有' + what + '的规定。',
        link(searchUrl(params, { constraints: null }), '恢复' + named.filter((c) => c.kind === (byDocument ? 'document' : 'place'))
          .map((c) => c.label).join('、'), { class: 'chip' }))
      : null;

  const card = offset === 0 && result.answer ? answerCard(result.answer) : null;
  const absent = (result.absentWords || []).map((w) => '“' + w + '”').join('、');
  const uncovered = result.covered === false && result.total > 0 ? el('div', { class: 'notice uncovered', role: 'note' },
    el('p', {}, '收录的文件可能没有直接规定这个问题' + (absent ? '（文件中没有出现' + absent + '）' : '') + '。下面是内容最接近的条文，请结合原文判断。'),
    (result.suggestions || []).length ? el('p', {}, '也可以试试：', result.suggestions.map((s) => link('/?q=' + encodeURIComponent(s), s, { class: 'chip' }))) : null) : null;

  const list = el('ol', { class: 'results', start: String(offset + 1) });
  for (const hit of result.hits) {
    const href = hit.kind === 'case' ? '/cases/' + encodeURIComponent(hit.id)
      : hit.kind === 'document' ? '/d/' + encodeURIComponent(hit.id) : '/c/' + encodeURIComponent(hit.id);
    const crumbs = [link('/d/' + encodeURIComponent(hit.docId), hit.docTitle)].concat(hit.path.map((p) => p));
    list.append(el('li', { class: 'hit' },
      breadcrumb(crumbs),
      el('h2', {}, link(href, hit.heading || (hit.path.length ? hit.path[hit.path.length - 1] : hit.docTitle))),
      hit.sentence ? el('p', { class: 'best' }, el('span', { class: 'sr' }, '最相关的一句：'), hit.sentence) : null,
      el('p', { class: 'snippet' }, snippetNodes(hit.snippet)),
      el('p', { class: 'badges' },
        el('span', { class: 'badge kind' }, DOC_KIND_LABELS[hit.docKind] || KIND_LABELS[hit.kind]),
        statusBadge(hit.status), typeBadges(hit.branchTypes)),
      hit.kind === 'clause' || hit.kind === 'case' ? addButton(hit.kind, hit.id) : null));
  }

  // no clause answers, a case does: shown as experience, never as a rule
  const passage = offset === 0 && result.fromCases ? el('section', { class: 'from-cases', 'aria-labelledby': 'from-cases-title' },
    el('h2', { id: 'from-cases-title' }, '经验材料（不是规定）'),
    el('blockquote', {}, result.fromCases.sentence),
    el('p', { class: 'meta' }, '出自', link('/cases/' + encodeURIComponent(result.fromCases.caseId), result.fromCases.title),
      result.fromCases.docTitle ? '，《' + result.fromCases.docTitle + '》' : '', '。这是其他单位的做法，不是规定。')) : null;
  const body = [heading, filters, constraints, uncovered, card, passage];
  if (result.total === 0) {
    body.push(el('div', { class: 'notice' },
      el('p', {}, '没有找到相关' + KIND_LABELS[kind === 'all' ? 'clause' : kind] + '。可以换个说法，或试试这些：'),
      el('p', {}, (result.suggestions || []).map((s) => link('/?q=' + encodeURIComponent(s), s, { class: 'chip' }))),
      active.length ? el('p', {}, link(searchUrl(params, { branchType: null, docId: null }), '去掉筛选条件再搜')) : null));
  } else {
    body.push(list);
    body.push(pager(offset, PAGE_SIZE, result.total, (at, label, rel) => link(searchUrl(params, { offset: at || null }), label, { rel })));
  }

  const facets = el('aside', { class: 'facets', 'aria-label': '筛选' },
    facetGroup('类别', Object.entries(result.facets.kind || {}).length ? ['clause', 'case', 'document'].map((k) => [k, KIND_LABELS[k]]) : [],
      (k) => searchUrl(params, { kind: k === 'clause' ? null : k, branchType: null, docId: null }), (k) => k === kind),
    facetGroup('党支部类型', Object.entries(result.facets.branchType || {}).map(([t, n]) => [t, t + '（' + n + '）']),
      (t) => searchUrl(params, { branchType: t }), (t) => t === params.get('branchType')),
    facetGroup('文件', documents.map((d) => [d.docId, docLabel(d) + '（' + d.count + '）']),
      (id) => searchUrl(params, { docId: id }), (id) => id === params.get('docId')));
  main.replaceChildren(el('div', { class: 'with-facets' }, el('div', { class: 'primary' }, body), facets));
}

// The direct answer: the value, the sentence it is in (its answering part marked), where it is from, and how
// other documents say it differently (the stricter marked).
function answerCard(answer) {
  const cite = '《' + answer.docTitle + '》' + (answer.docNumber ? '（' + answer.docNumber + '）' : '') + answer.path.join(' ');
  const at = answer.part && !answer.withheld ? answer.sentence.indexOf(answer.part) : -1;
  const sentence = at < 0 ? [answer.sentence]
    : [answer.sentence.slice(0, at), el('mark', {}, answer.part), answer.sentence.slice(at + answer.part.length)];
  const differing = answer.variants.length > 1;
  const agreeing = !differing && answer.variants.length === 1 ? answer.variants[0].sources.filter((s) => s.docId !== answer.docId) : [];
  const sourceLink = (s) => link('/c/' + encodeURIComponent(s.clauseId), '《' + s.docTitle + '》' + s.path[s.path.length - 1]);
  return el('section', { class: 'answer', 'aria-labelledby': 'answer-title' },
    answer.withheld ? el('h2', { id: 'answer-title' }, '最接近的规定') : el('h2', { id: 'answer-title', class: 'sr' }, '直接答案'),
    answer.withheld ? el('p', { class: 'answer-withheld', role: 'note' }, answer.withheld) : null,
    answer.value ? el('p', { class: 'answer-value' }, answer.value) : null,
    el('blockquote', { class: 'answer-sentence' }, sentence),
    el('p', { class: 'answer-source' }, '出自', cite, ' ', link('/c/' + encodeURIComponent(answer.clauseId), '查看条文'),
      answer.docStatus ? [' ', statusBadge(answer.docStatus)] : null, ' ', addButton('clause', answer.clauseId)),
    differing ? el('div', { class: 'answer-variants' },
      el('h3', {}, '各文件规定不同'),
      el('ul', {}, answer.variants.map((v) => el('li', { class: v.stricter ? 'stricter' : null },
        el('strong', {}, v.value), v.stricter ? el('span', { class: 'badge old' }, '较严') : null, ' ',
        v.sources.map((s, i) => [i ? '、' : '', sourceLink(s)]))))) : null,
    agreeing.length ? el('p', { class: 'meta' }, '同样规定的还有：', agreeing.map((s, i) => [i ? '、' : '', sourceLink(s)])) : null);
}

function facetGroup(title, entries, hrefOf, isActive) {
  if (!entries.length) return null;
  return el('section', { class: 'facet' }, el('h2', {}, title),
    el('ul', {}, entries.map(([value, label]) => el('li', {},
      link(hrefOf(value), label, isActive(value) ? { 'aria-current': 'true', class: 'on' } : {})))));
}

// ---------- clause page ----------

async function renderClause(main, id) {
  const clause = await api('/api/clauses/' + encodeURIComponent(id));
  const doc = clause.document;
  setTitle((clause.heading || clause.path[clause.path.length - 1] || '') + ' · ' + clause.docTitle);
  const cite = citation(doc, clause);
  const status = el('span', { class: 'copy-status', role: 'status' });
  const copy = el('button', {
    type: 'button', class: 'copy', onclick: async () => {
      try { await navigator.clipboard.writeText(cite); status.textContent = '已复制引用'; }
      catch (e) { status.textContent = '请手动复制：' + cite; }
    },
  }, '复制引用');
  const crumbs = [link('/d/' + encodeURIComponent(clause.docId) + '#' + encodeURIComponent(clause.id), clause.docTitle)]
    .concat(clause.path.slice(0, -1).map((p) => p)).concat([clause.path[clause.path.length - 1]]);
  const neighbours = el('nav', { class: 'neighbours', 'aria-label': '上下条' },
    clause.prevId ? link('/c/' + encodeURIComponent(clause.prevId), '← 上一条', { rel: 'prev' }) : el('span', {}),
    clause.nextId ? link('/c/' + encodeURIComponent(clause.nextId), '下一条 →', { rel: 'next' }) : el('span', {}));
  const related = clause.related.length === 0 ? el('p', { class: 'meta' }, '其他文件中暂未找到同一事项的条文。')
    : el('div', { class: 'compare' }, clause.related.map((r) => el('article', { class: 'card' },
      el('h3', {}, link('/c/' + encodeURIComponent(r.id), r.docTitle)),
      el('p', { class: 'meta' }, r.path.join(' › ')),
      paragraphs(r.text))));
  main.replaceChildren(el('article', { class: 'clause' },
    breadcrumb(crumbs),
    el('h1', {}, clause.number ? clause.number + ' ' : '', clause.heading || clause.path[clause.path.length - 1]),
    el('p', { class: 'badges' },
      doc ? el('span', { class: 'badge kind' }, DOC_KIND_LABELS[doc.kind] || doc.kind) : null,
      doc && doc.docNumber ? el('span', { class: 'badge' }, doc.docNumber) : null,
      doc ? statusBadge(doc.status) : null, typeBadges(clause.branchTypes)),
    el('div', { class: 'text' }, paragraphs(clause.text)),
    el('p', { class: 'cite' }, el('span', { class: 'cite-text' }, cite), ' ', copy, ' ', status, ' ', addButton('clause', clause.id)),
    clause.children.length ? el('section', {}, el('h2', {}, '下设条目'),
      el('ul', {}, clause.children.map((c) => el('li', {}, link('/c/' + encodeURIComponent(c.id), [c.number, c.heading || c.path[c.path.length - 1]].filter(Boolean).join(' ')))))) : null,
    neighbours,
    el('section', { class: 'related' }, el('h2', {}, '对照：其他文件的同类规定'), related)));
}

// ---------- document page ----------

function outlineList(nodes) {
  return el('ul', {}, nodes.map((n) => el('li', {},
    link('#' + n.id, [n.number, n.heading].filter(Boolean).join(' ')),
    n.children.length ? outlineList(n.children) : null)));
}

async function renderDocument(main, id) {
  const doc = await api('/api/documents/' + encodeURIComponent(id));
  setTitle(doc.title);
  const meta = [['发文机关', doc.issuer], ['文号', doc.docNumber], ['日期', doc.date], ['类别', DOC_KIND_LABELS[doc.kind]],
    ['状态', doc.status], ['地区', doc.region], ['适用', (doc.branchTypes || []).length === ALL_TYPES.length ? '各类型党支部' : (doc.branchTypes || []).join('、')]]
    .filter(([, v]) => v);
  const text = el('div', { class: 'doc-text' }, doc.clauses.map((c) => el('section', { id: c.id, class: 'clause-block depth-' + Math.min(c.depth, 5) },
    el('h3', {}, link('/c/' + encodeURIComponent(c.id), c.path[c.path.length - 1] || c.heading || c.number || '')),
    paragraphs(c.text))));
  const cases = doc.cases.length ? el('section', {}, el('h2', {}, '案例'), el('ul', {}, doc.cases.map((c) =>
    el('li', {}, link('/cases/' + encodeURIComponent(c.id), c.title), c.unit ? el('span', { class: 'meta' }, ' · ' + c.unit) : null)))) : null;
  main.replaceChildren(el('article', { class: 'document' },
    el('h1', {}, doc.title),
    el('dl', { class: 'meta-table' }, meta.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    doc.outline.length ? el('nav', { class: 'outline', 'aria-label': '目录' }, el('h2', {}, '目录'), outlineList(doc.outline)) : null,
    text, cases));
  if (location.hash) {
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) target.scrollIntoView();
  }
}

// ---------- cases ----------

async function renderCases(main, params) {
  setTitle('经验案例');
  const query = new URLSearchParams();
  for (const key of ['q', 'branchType', 'topic']) if (params.get(key)) query.set(key, params.get(key));
  const result = await api('/api/cases?' + query);
  const url = (changes) => {
    const next = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes)) { if (v) next.set(k, v); else next.delete(k); }
    const s = next.toString();
    return '/cases' + (s ? '?' + s : '');
  };
  const form = el('form', { class: 'search inline', role: 'search', action: '/cases', method: 'get' },
    el('label', { for: 'case-q', class: 'sr' }, '在案例中搜索'),
    el('input', { id: 'case-q', name: 'q', type: 'search', value: params.get('q') || '', placeholder: '在案例中搜索，如：积分管理' }),
    params.get('branchType') ? el('input', { type: 'hidden', name: 'branchType', value: params.get('branchType') }) : null,
    params.get('topic') ? el('input', { type: 'hidden', name: 'topic', value: params.get('topic') }) : null,
    el('button', { type: 'submit' }, '搜索案例'));
  const list = el('ul', { class: 'cases' }, result.cases.map((c) => el('li', { class: 'card' },
    el('h2', {}, link('/cases/' + encodeURIComponent(c.id), c.heading)),
    c.unit ? el('p', { class: 'meta' }, c.unit) : null,
    el('p', { class: 'snippet' }, snippetNodes(c.snippet)),
    el('p', { class: 'badges' }, (c.topics || []).map((t) => link(url({ topic: t }), t, { class: 'badge topic' })), typeBadges(c.branchTypes)))));
  const facets = el('aside', { class: 'facets', 'aria-label': '筛选' },
    facetGroup('党支部类型', Object.entries(result.facets.branchType || {}).map(([t, n]) => [t, t + '（' + n + '）']),
      (t) => url({ branchType: t === params.get('branchType') ? null : t }), (t) => t === params.get('branchType')),
    facetGroup('主题', Object.entries(result.facets.topic || {}).map(([t, n]) => [t, t + '（' + n + '）']),
      (t) => url({ topic: t === params.get('topic') ? null : t }), (t) => t === params.get('topic')));
  main.replaceChildren(el('div', { class: 'with-facets' },
    el('div', { class: 'primary' }, el('h1', {}, '经验案例 ', el('span', { class: 'meta' }, '共 ' + result.total + ' 个')), form,
      result.total ? list : el('div', { class: 'notice' }, '没有符合条件的案例。', link('/cases', '看全部案例'))),
    facets));
}

async function renderCase(main, id) {
  const c = await api('/api/cases/' + encodeURIComponent(id));
  setTitle(c.title);
  main.replaceChildren(el('article', { class: 'case' },
    breadcrumb([link('/cases', '经验案例'), link('/d/' + encodeURIComponent(c.docId), c.docTitle)]),
    el('h1', {}, c.title),
    c.unit ? el('p', { class: 'meta' }, '单位：' + c.unit) : null,
    el('p', {}, addButton('case', c.id)),
    el('p', { class: 'badges' }, c.topics.map((t) => link('/cases?topic=' + encodeURIComponent(t), t, { class: 'badge topic' })), typeBadges(c.branchTypes)),
    el('div', { class: 'text' }, paragraphs(c.text)),
    el('section', { class: 'related' }, el('h2', {}, '相关规定'),
      c.rules.length ? el('ul', {}, c.rules.map((r) => el('li', {}, link('/c/' + encodeURIComponent(r.id), r.docTitle + ' › ' + r.path.join(' › ')))))
        : el('p', { class: 'meta' }, '暂无。'))));
}

// ---------- checklist ----------

async function renderChecklist(main, params) {
  setTitle('党支部标准化规范化建设清单');
  const type = params.get('branchType') || '';
  const members = params.get('members') || '';
  const region = params.get('region') || '';
  // a checked box sends false (hidden) then true; absent means the API's default: party groups from 6 members
  const GROUPS_FROM = 6;
  const flag = (name, fallback) => (params.has(name) ? params.getAll(name).includes('true') : fallback);
  const groups = flag('groups', !members || Number(members) >= GROUPS_FROM);
  const leaders = flag('leaders', true);
  const picker = regionPicker(region);
  const plan = calendarFields(params);
  const form = el('form', { class: 'profile', action: '/checklist', method: 'get' },
    el('label', { for: 'cl-type' }, '党支部类型'),
    el('select', { id: 'cl-type', name: 'branchType', required: true },
      el('option', { value: '' }, '请选择'),
      ALL_TYPES.map((t) => el('option', { value: t, selected: t === type }, t))),
    el('label', { for: 'cl-members' }, '正式党员人数'),
    el('input', { id: 'cl-members', name: 'members', type: 'number', min: '1', max: '10000', required: true, value: members, inputmode: 'numeric' }),
    picker.element,
    el('label', { for: 'cl-campus' }, '高校支部类别'),
    el('select', { id: 'cl-campus', name: 'campus' },
      el('option', { value: '' }, '教职工和学生'),
      ['教职工', '学生'].map((c) => el('option', { value: c, selected: c === params.get('campus') }, c + '党支部'))),
    el('input', { type: 'hidden', name: 'groups', value: 'false' }),
    el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'groups', value: 'true', checked: groups }), '设有党小组'),
    el('input', { type: 'hidden', name: 'leaders', value: 'false' }),
    el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'leaders', value: 'true', checked: leaders }), '有党员领导干部'),
    plan.element,
    el('button', { type: 'submit' }, '生成清单'));
  // until the box is touched it follows the members: a branch of 5 has no party groups unless one says so
  const groupsBox = form.querySelector('input[type=checkbox][name=groups]');
  let groupsTouched = params.has('groups');
  groupsBox.addEventListener('change', () => { groupsTouched = true; });
  form.querySelector('#cl-members').addEventListener('input', (e) => {
    if (!groupsTouched && e.target.value) groupsBox.checked = Number(e.target.value) >= GROUPS_FROM;
  });
  const campus = form.querySelector('#cl-campus');
  const campusLabel = form.querySelector('label[for="cl-campus"]');
  const showCampus = () => { const on = form.querySelector('#cl-type').value === '高校'; campus.hidden = !on; campusLabel.hidden = !on; };
  form.querySelector('#cl-type').addEventListener('change', showCampus);
  showCampus();
  const body = [el('h1', {}, '党支部标准化规范化建设清单'), el('p', { class: 'meta' }, '按党支部类型、所在地区和党员人数生成：只列中央和所在省、市、县的规定，每一项都注明出自哪份文件的哪一条；各文件规定不同时列出差异，按从严的执行。'), form];
  main.replaceChildren(el('div', { class: 'checklist-page' }, body));
  await picker.ready;
  if (!type || !members) return;
  const query = new URLSearchParams({ branchType: type, members });
  if (params.has('groups')) query.set('groups', String(groups));
  if (params.has('leaders')) query.set('leaders', String(leaders));
  if (type === '高校' && params.get('campus')) query.set('campus', params.get('campus'));
  if (region) query.set('region', region);
  const checklist = await api('/api/checklist?' + query);
  const calendarQuery = new URLSearchParams(query);
  plan.values().forEach(([k, v]) => { if (v) calendarQuery.set(k, v); });
  const downloads = el('p', { class: 'downloads' }, '下载：', [['docx', 'Word'], ['xlsx', 'Excel'], ['ics', '日历'], ['html', '打印页'], ['json', 'JSON']]
    .map(([f, label]) => link('/api/checklist?' + (f === 'ics' ? calendarQuery : query) + '&format=' + f, label, { class: 'chip', download: f === 'html' ? null : '' })));
  const own = checklist.items.filter((i) => i.duty !== 'higher');
  const higher = checklist.items.filter((i) => i.duty === 'higher');
  const place = checklist.profile.region || '未指定地区';
  const results = [el('h2', { class: 'results-title' }, type + '党支部 · ' + members + ' 名正式党员 · ' + place + ' ', el('span', { class: 'meta' }, '共 ' + own.length + ' 项')), downloads];
  checklist.notes.forEach((n) => results.push(el('p', { class: 'notice' }, n)));
  results.push(...checklistSections(own));
  if (higher.length) {
    results.push(el('section', { class: 'higher' }, el('h2', {}, '上级和单位的职责（' + higher.length + '）'),
      el('p', { class: 'meta' }, '以下事项由上级党组织、本单位或财政负责，列出供本支部对照，不由本支部完成，不计入本支部清单。'),
      el('ol', { class: 'items' }, higher.map(checklistItem))));
  }
  if (checklist.references.length) {
    results.push(el('section', { class: 'references' }, el('h2', {}, '各地做法（参考，' + checklist.references.length + '）'),
      el('p', { class: 'meta' }, '以下是各地文件的规定，只约束当地的党支部，不作为本支部的要求；选择所在地区后，当地的规定会列入清单。'),
      el('ol', { class: 'items' }, checklist.references.map(checklistItem))));
  }
  main.querySelector('.checklist-page').append(...results);
}

/**
 * The region picker: a province, then a city, then a county, each loaded from /api/regions when the one above is
 * chosen; the form sends the deepest chosen place's full name as region (empty: no region, only central rules).
 */
function regionPicker(initial) {
  const hidden = el('input', { type: 'hidden', name: 'region', value: initial });
  const levels = ['省', '市', '县（区）'].map((label, i) => el('select', { id: 'cl-region-' + i, 'aria-label': '所在地区：' + label, disabled: i > 0 },
    el('option', { value: '' }, i === 0 ? '不指定（只列中央规定）' : '（全' + (i === 1 ? '省' : '市') + '）')));
  const fill = (level, regions, chosen) => {
    const select = levels[level];
    select.replaceChildren(select.firstChild, ...regions.map((r) => el('option', { value: r.code, 'data-region': r.region, 'data-divided': String(r.divided), selected: r.code === chosen }, r.name)));
    select.disabled = regions.length === 0;
  };
  const clearBelow = (level) => { for (let i = level + 1; i < levels.length; i++) fill(i, [], null); };
  const update = () => {
    let value = '';
    levels.forEach((s) => { const o = s.selectedOptions[0]; if (o && o.value) value = o.dataset.region; });
    hidden.value = value;
  };
  levels.forEach((select, level) => select.addEventListener('change', async () => {
    clearBelow(level);
    const option = select.selectedOptions[0];
    if (option && option.value && option.dataset.divided === 'true' && level + 1 < levels.length) {
      fill(level + 1, (await api('/api/regions?parent=' + encodeURIComponent(option.value))).regions, null);
    }
    update();
  }));
  const ready = (async () => {
    if (!initial) {
      fill(0, (await api('/api/regions')).regions, null);
      return;
    }
    const found = await api('/api/regions?place=' + encodeURIComponent(initial));
    const path = found.path;
    fill(0, (await api('/api/regions')).regions, path[0] && path[0].code);
    for (let i = 1; i < levels.length && i <= path.length; i++) {
      const below = i < path.length ? (await api('/api/regions?parent=' + encodeURIComponent(path[i - 1].code))).regions : found.regions;
      fill(i, below, path[i] && path[i].code);
    }
    update();
  })();
  const element = el('fieldset', { class: 'region-picker' }, el('legend', {}, '所在地区'), levels, hidden);
  return { element, ready };
}

/** The calendar's year and fixed days, folded away: only the 日历 download uses them. */
function calendarFields(params) {
  const fields = [['year', '年度', 2000, 2100], ['partyDay', '主题党日（每月几日）', 1, 28],
    ['committeeDay', '支委会（每月几日）', 1, 28], ['groupDay', '党小组会（每月几日）', 1, 28]];
  const inputs = fields.map(([name, label, min, max]) => el('label', {}, label,
    el('input', { name, type: 'number', min: String(min), max: String(max), inputmode: 'numeric', value: params.get(name) || '', placeholder: name === 'year' ? '默认' : '' })));
  const element = el('details', { class: 'calendar-plan', open: fields.some(([n]) => params.get(n)) },
    el('summary', {}, '日历设置（下载日历时使用）'), inputs,
    el('p', { class: 'meta' }, '不填时：年度为下一年（10月起）或当年，主题党日每月10日，支委会每月5日，党小组会每月20日。'));
  const values = () => fields.map(([name]) => [name, element.querySelector('input[name="' + name + '"]').value]);
  return { element, values };
}

const DUTY_LABELS = { branch: '党支部', committee: '支部委员会', secretary: '支部书记', group: '党小组', member: '党员', higher: '上级党组织' };

function checklistSections(items) {
  const sections = [];
  let number = 1;
  for (const category of ['组织设置', '队伍建设', '组织生活', '阵地建设', '工作制度', '经费保障', '作用发挥']) {
    const inCategory = items.filter((i) => i.category === category);
    if (!inCategory.length) continue;
    sections.push(el('section', { class: 'category' }, el('h2', {}, category + '（' + inCategory.length + '）'),
      el('ol', { class: 'items', start: String(number) }, inCategory.map(checklistItem))));
    number += inCategory.length;
  }
  return sections;
}

function checklistItem(item) {
  return el('li', { class: 'item', id: item.id },
    el('p', { class: 'requirement' }, item.optional ? el('span', { class: 'option' }, '可选') : null, item.requirement, ' ',
      item.frequency && !item.optional ? el('span', { class: 'badge current' }, freqLabel(item.frequency)) : null,
      el('span', { class: 'duty' }, '责任：' + (item.holder || DUTY_LABELS[item.duty] || item.duty))),
    item.rows.length ? el('ul', { class: 'bands' }, item.rows.map((r) => el('li', {}, r.text))) : null,
    item.variants.length ? el('div', { class: 'variants' }, el('p', { class: 'meta' }, '各文件规定不同（已按从严列出）：'),
      el('ul', {}, item.variants.map((v) => el('li', {}, v.requirement, ' —— ', v.sources.map((s) => s.docTitle).filter((t, i, a) => a.indexOf(t) === i).join('、'))))) : null,
    item.sources.map((s) => el('details', { class: 'source' },
      el('summary', {}, '依据：' + (s.region && s.region !== '全国' ? '〔' + s.region + '〕' : '') + '《' + s.docTitle + '》' + (s.docNumber ? '（' + s.docNumber + '）' : '') + s.path.join(' ')),
      el('p', {}, s.text), el('p', {}, link('/c/' + encodeURIComponent(s.clauseId), '查看条文')))));
}

function freqLabel(f) {
  const per = { month: '每月', quarter: '每季度', 'half-year': '每半年', year: '每年', term: '每届' }[f.per] || f.per;
  return per + f.times + '次';
}

// ---------- suggestions ----------

function wireSuggestions() {
  const form = document.getElementById('search-form');
  const input = document.getElementById('q');
  const box = document.getElementById('suggestions');
  let items = [];
  let active = -1;
  let timer = null;

  const close = () => { box.hidden = true; box.replaceChildren(); input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; };
  const pick = (term) => { input.value = term; close(); form.requestSubmit(); };
  const highlight = (i) => {
    active = i;
    [...box.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', 'sugg-' + i);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const typed = input.value.trim();
    if (!typed) { close(); return; }
    timer = setTimeout(async () => {
      try {
        const body = await api('/api/suggest?q=' + encodeURIComponent(typed));
        if (input.value.trim() !== typed) return;
        items = body.suggestions;
        if (!items.length) { close(); return; }
        box.replaceChildren(...items.map((term, i) => el('li', {
          id: 'sugg-' + i, role: 'option', 'aria-selected': 'false',
          onmousedown: (e) => { e.preventDefault(); pick(term); },
        }, term)));
        box.hidden = false;
        input.setAttribute('aria-expanded', 'true');
        active = -1;
      } catch (e) { close(); }
    }, 120);
  });
  input.addEventListener('keydown', (e) => {
    if (box.hidden) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); highlight(Math.min(items.length - 1, active + 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(Math.max(0, active - 1)); }
    else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); pick(items[active]); }
    else if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}

// ---------- administration ----------
// The token is asked once per browser session and kept in sessionStorage; every write sends it as a bearer.

const TOKEN_KEY = 'zhibu.adminToken';
const UPLOAD_TYPES = '.txt,.md,.markdown,.html,.htm,.shtml,.docx,.doc,.odt,.pdf';
const STATUSES = ['现行有效', '已修订', '已废止'];

async function adminApi(method, path, body) {
  try {
    return await request(method, path, body, sessionStorage.getItem(TOKEN_KEY));
  } catch (error) {
    if (error.status === 401) sessionStorage.removeItem(TOKEN_KEY);
    throw error;
  }
}

function renderLogin(main, message) {
  const input = el('input', { id: 'admin-token', type: 'password', autocomplete: 'current-password', required: true });
  const status = el('p', { class: 'notice error', role: 'alert', hidden: !message }, message || '');
  const form = el('form', { class: 'login', onsubmit: async (e) => {
    e.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    try {
      await adminApi('GET', '/api/admin/check');
      renderAdmin(main);
    } catch (error) {
      status.textContent = error.message;
      status.hidden = false;
    }
  } },
  el('label', { for: 'admin-token' }, '管理员令牌'), input, el('button', { type: 'submit' }, '进入'));
  main.replaceChildren(el('section', { class: 'admin' }, el('h1', {}, '文件管理'),
    el('p', { class: 'meta' }, '令牌由启动服务的人设置（--admin-token 或 ZHIBU_ADMIN_TOKEN），只在本次浏览器会话中保存。'),
    form, status));
  input.focus();
}

// Uploads one file with XMLHttpRequest (fetch reports no upload progress); resolves to { status, body }.
function uploadFile(file, onProgress) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.open('POST', '/api/documents');
    xhr.setRequestHeader('Authorization', 'Bearer ' + sessionStorage.getItem(TOKEN_KEY));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      let body;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = { error: '服务器没有返回有效数据（' + xhr.status + '）。' }; }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: { error: '网络中断，' + file.name + ' 未上传完成。' } });
    xhr.send(form);
  });
}

function uploadRow(file) {
  const bar = el('progress', { max: '100', value: '0', 'aria-label': file.name + ' 上传进度' });
  const state = el('span', { class: 'state' }, '等待上传');
  const row = el('li', { class: 'upload' }, el('span', { class: 'name' }, file.name), bar, state);
  return { row, bar, state };
}

async function uploadAll(files, list, refresh) {
  const rows = files.map((file) => ({ file, ...uploadRow(file) }));
  list.replaceChildren(...rows.map((r) => r.row));
  for (const r of rows) { // one after another: the server reads files one at a time anyway
    r.state.textContent = '上传中';
    const { status, body } = await uploadFile(r.file, (share) => {
      r.bar.value = Math.round(share * 100);
      if (share >= 1) r.state.textContent = '正在解析和建立索引…';
    });
    r.bar.value = 100;
    if (status === 201 || status === 200) {
      r.row.classList.add('ok');
      r.state.replaceChildren(status === 201 ? '已导入：' : '已在库中：', link('/d/' + encodeURIComponent(body.id), body.title));
    } else {
      r.row.classList.add('failed');
      r.state.textContent = body.error || ('失败（' + status + '）');
      if (status === 401) { renderLogin(document.getElementById('main'), body.error); return; }
    }
  }
  await refresh();
}

function metadataForm(doc, onSaved, onCancel) {
  const status = el('select', { name: 'status', 'aria-label': '状态' },
    STATUSES.map((s) => el('option', { value: s, selected: s === doc.status }, s)));
  const types = ALL_TYPES.map((t) => el('label', { class: 'check' },
    el('input', { type: 'checkbox', name: 'branchTypes', value: t, checked: (doc.branchTypes || []).includes(t) }), t));
  const region = el('input', { name: 'region', value: doc.region || '', maxlength: '40', 'aria-label': '适用地区', placeholder: '全国，或省、市、县（区），如 浏阳市' });
  const message = el('p', { class: 'notice error', role: 'alert', hidden: true });
  return el('form', { class: 'meta-edit', onsubmit: async (e) => {
    e.preventDefault();
    const chosen = types.map((l) => l.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
    try {
      await adminApi('PUT', '/api/documents/' + encodeURIComponent(doc.id) + '/metadata',
        { status: status.value, branchTypes: chosen, region: region.value });
      await onSaved();
    } catch (error) {
      message.textContent = error.message;
      message.hidden = false;
    }
  } },
  el('div', {}, el('span', { class: 'label' }, '状态'), status),
  el('div', { class: 'types' }, el('span', { class: 'label' }, '适用党支部'), types),
  el('div', {}, el('span', { class: 'label' }, '适用地区'), region,
    el('span', { class: 'meta' }, '只约束该地区的党支部；清单按此决定本支部是否适用。')),
  el('div', { class: 'actions' }, el('button', { type: 'submit' }, '保存并重新索引'),
    el('button', { type: 'button', class: 'secondary', onclick: onCancel }, '取消')),
  message);
}

async function renderAdmin(main) {
  setTitle('文件管理');
  if (!sessionStorage.getItem(TOKEN_KEY)) { renderLogin(main); return; }
  try {
    await adminApi('GET', '/api/admin/check');
  } catch (error) {
    renderLogin(main, error.message);
    return;
  }
  const uploads = el('ul', { class: 'uploads', 'aria-live': 'polite' });
  const docsBox = el('div', { class: 'admin-docs' });
  const auditBox = el('div', { class: 'audit' });
  const notice = el('p', { class: 'notice', role: 'status', hidden: true });
  const say = (text, failed) => { notice.textContent = text; notice.className = 'notice' + (failed ? ' error' : ''); notice.hidden = false; };

  let from = 0;
  async function refresh() {
    const [{ documents: docs, total }, audit] = await Promise.all([documentPage(from, DOCS_PAGE_SIZE), adminApi('GET', '/api/admin/audit')]);
    if (!docs.length && from > 0) { from = Math.max(0, from - DOCS_PAGE_SIZE); await refresh(); return; }
    const rows = docs.map((d) => {
      const row = el('tr', { 'data-id': d.id },
        el('td', {}, link('/d/' + encodeURIComponent(d.id), d.title), el('div', { class: 'meta' }, d.source || '')),
        el('td', {}, statusBadge(d.status)),
        el('td', {}, (d.branchTypes || []).length === ALL_TYPES.length ? '各类型' : (d.branchTypes || []).join('、')),
        el('td', {}, d.region || ''),
        el('td', { class: 'actions' },
          el('button', { type: 'button', class: 'secondary', onclick: () => {
            row.after(el('tr', { class: 'editing' }, el('td', { colspan: '5' },
              metadataForm(d, async () => { say('已保存《' + d.title + '》的信息并重新索引。'); await refresh(); },
                () => refresh()))));
          } }, '编辑'),
          el('button', { type: 'button', class: 'secondary', onclick: async () => {
            try {
              await adminApi('POST', '/api/documents/' + encodeURIComponent(d.id) + '/reingest');
              say('已重新导入《' + d.title + '》。');
              await refresh();
            } catch (error) { say(error.message, true); }
          } }, '重新导入'),
          el('button', { type: 'button', class: 'danger', onclick: async () => {
            if (!confirm('删除《' + d.title + '》及其全部条文和案例？')) return;
            try {
              await adminApi('DELETE', '/api/documents/' + encodeURIComponent(d.id));
              say('已删除《' + d.title + '》。');
              await refresh();
            } catch (error) { say(error.message, true); }
          } }, '删除')));
      return row;
    });
    docsBox.replaceChildren(el('table', { class: 'docs' },
      el('thead', {}, el('tr', {}, ['文件', '状态', '适用', '地区', '操作'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows)),
      total > DOCS_PAGE_SIZE ? pager(from, DOCS_PAGE_SIZE, total, (at, label) => el('button', { type: 'button', class: 'secondary',
        onclick: async () => { from = at; await refresh(); } }, label)) : null);
    auditBox.replaceChildren(audit.actions.length ? el('ol', {}, audit.actions.slice(0, 20).map((a) => el('li', {},
      el('time', { datetime: a.time }, new Date(a.time).toLocaleString('zh-CN')), ' ', a.who, ' ', a.action, ' ',
      a.target, ' → ', a.result))) : el('p', { class: 'meta' }, '暂无操作记录。'));
  }

  const picker = el('input', { id: 'upload-files', type: 'file', multiple: true, accept: UPLOAD_TYPES });
  picker.addEventListener('change', async () => {
    const files = Array.from(picker.files);
    picker.value = '';
    if (files.length) await uploadAll(files, uploads, refresh);
  });
  const drop = el('div', { class: 'drop' }, el('label', { for: 'upload-files' }, '选择文件上传'), picker,
    el('p', { class: 'meta' }, '可一次选择多个文件：TXT、Markdown、HTML、DOCX、DOC、ODT、PDF。每个文件单独解析，损坏的文件不影响其他文件。'));
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', async (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const files = Array.from(e.dataTransfer.files);
    if (files.length) await uploadAll(files, uploads, refresh);
  });
  main.replaceChildren(el('section', { class: 'admin' },
    el('div', { class: 'admin-head' }, el('h1', {}, '文件管理'),
      el('button', { type: 'button', class: 'secondary', onclick: () => { sessionStorage.removeItem(TOKEN_KEY); renderLogin(main); } }, '退出')),
    notice,
    el('h2', {}, '上传文件'), drop, uploads,
    el('h2', {}, '收录文件'), docsBox,
    el('h2', {}, '操作记录'), auditBox));
  await refresh();
}

// ---------- course packs ----------
// The browser keeps each pack's edit token (localStorage); without it a pack is read-only. Every change is saved at
// once with the version it was made on; a stale version (409) reloads the pack instead of overwriting it.

const PACK_TYPES = { clause: '条文', case: '案例', heading: '标题', note: '备注' };

const packStore = {
  all() { try { return JSON.parse(localStorage.getItem('zhibu.packs') || '{}'); } catch (e) { return {}; } },
  token(id) { return (this.all()[id] || {}).token || null; },
  remember(pack, token) {
    const all = this.all();
    all[pack.id] = { token: token || (all[pack.id] || {}).token, title: pack.title };
    localStorage.setItem('zhibu.packs', JSON.stringify(all));
  },
  forget(id) {
    const all = this.all();
    delete all[id];
    localStorage.setItem('zhibu.packs', JSON.stringify(all));
    if (this.current() === id) localStorage.removeItem('zhibu.currentPack');
  },
  current() { const id = localStorage.getItem('zhibu.currentPack'); return id && this.token(id) ? id : null; },
  use(id) { localStorage.setItem('zhibu.currentPack', id); },
};

// What a PUT sends: the pack's fields and its items by reference (clauses and cases by id, headings and notes by text).
function packBody(pack) {
  return {
    title: pack.title, audience: pack.audience || '', description: pack.description || '', version: pack.version,
    items: pack.items.map((i) => (i.type === 'clause' || i.type === 'case' ? { type: i.type, id: i.id } : { type: i.type, text: i.text })),
  };
}

async function createPack(draft) {
  const pack = await request('POST', '/api/packs', draft);
  packStore.remember(pack, pack.editToken);
  packStore.use(pack.id);
  return pack;
}

// Adds a clause or case to the pack in use (a new one the first time); a concurrent change is read and retried once.
async function addToPack(type, id) {
  const current = packStore.current();
  if (!current) return createPack({ title: '我的课程包', items: [{ type, id }] });
  for (let attempt = 0; ; attempt++) {
    const pack = await api('/api/packs/' + encodeURIComponent(current));
    if (pack.items.some((i) => i.type === type && i.id === id)) return pack;
    pack.items.push({ type, id });
    try {
      const saved = await request('PUT', '/api/packs/' + encodeURIComponent(current), packBody(pack), packStore.token(current));
      packStore.remember(saved);
      return saved;
    } catch (e) {
      if (e.status !== 409 || attempt > 0) throw e;
    }
  }
}

function addButton(type, id) {
  const status = el('span', { class: 'pack-status', role: 'status' });
  const button = el('button', {
    type: 'button', class: 'add-pack', 'data-type': type, 'data-id': id,
    onclick: async () => {
      button.disabled = true;
      try {
        const pack = await addToPack(type, id);
        button.textContent = '已加入课程包';
        status.replaceChildren(' ', link('/packs/' + encodeURIComponent(pack.id), '《' + pack.title + '》共 ' + pack.items.length + ' 项'));
      } catch (e) {
        button.disabled = false;
        status.textContent = ' ' + e.message;
      }
    },
  }, '加入课程包');
  return el('span', { class: 'pack-add' }, button, status);
}

async function renderPacks(main, params) {
  setTitle('课程包');
  const mine = Object.entries(packStore.all());
  const rows = await Promise.all(mine.map(async ([id, kept]) => {
    try { return await api('/api/packs/' + encodeURIComponent(id)); }
    catch (e) { if (e.status === 404) packStore.forget(id); return null; }
  }));
  const packs = rows.filter(Boolean);
  const current = packStore.current();
  const topic = params.get('topic') || '';
  const audience = params.get('audience') || '';
  const form = el('form', { class: 'profile suggest-pack', action: '/packs', method: 'get' },
    el('label', { for: 'pack-topic' }, '课程主题'),
    el('input', { id: 'pack-topic', name: 'topic', type: 'text', required: true, maxlength: '50', value: topic, placeholder: '如：三会一课、党费、组织生活' }),
    el('label', { for: 'pack-audience' }, '面向'),
    el('select', { id: 'pack-audience', name: 'audience' }, el('option', { value: '' }, '各类型党支部'),
      ALL_TYPES.map((t) => el('option', { value: t, selected: t === audience }, t + '党支部'))),
    el('button', { type: 'submit' }, '生成草稿'));
  const body = [el('h1', {}, '课程包'),
    el('p', { class: 'meta' }, '把条文、案例、标题和自己的备注编成课程材料，导出 Word、Markdown 或打印。在检索结果、条文页和案例页点“加入课程包”即可收集。'),
    el('section', {}, el('h2', {}, '按主题生成草稿'), form)];
  if (topic) {
    const draft = await api('/api/packs/suggest?' + new URLSearchParams(audience ? { topic, audience } : { topic }));
    const save = el('button', {
      type: 'button', class: 'primary-action', onclick: async () => {
        save.disabled = true;
        try {
          const pack = await createPack({ title: draft.title, audience: draft.audience || '', description: draft.description, items: draft.items });
          history.pushState(null, '', '/packs/' + encodeURIComponent(pack.id));
          route();
        } catch (e) { save.disabled = false; showError(main, e); }
      },
    }, '保存为课程包并编辑');
    body.push(el('section', { class: 'draft' }, el('h2', {}, draft.title), el('p', { class: 'meta' }, draft.description), save,
      el('ol', { class: 'pack-items' }, draft.items.map((item) => packItemView(item)))));
  }
  const create = el('button', {
    type: 'button', onclick: async () => {
      const pack = await createPack({ title: '我的课程包', items: [] });
      history.pushState(null, '', '/packs/' + encodeURIComponent(pack.id));
      route();
    },
  }, '新建空白课程包');
  body.push(el('section', {}, el('h2', {}, '我的课程包（' + packs.length + '）'), create,
    packs.length ? el('ul', { class: 'doclist my-packs' }, packs.map((p) => el('li', {},
      link('/packs/' + encodeURIComponent(p.id), p.title), ' ', el('span', { class: 'meta' }, p.items.length + ' 项 · 第 ' + p.version + ' 版'),
      p.id === current ? el('span', { class: 'badge current' }, '正在收集') : null)))
      : el('p', { class: 'meta' }, '还没有课程包。')));
  main.replaceChildren(el('div', { class: 'packs-page' }, body));
}

// One item as read (share page, drafts) or, with controls, as edited.
function packItemView(item, controls) {
  const head = item.type === 'clause' ? link('/c/' + encodeURIComponent(item.id), item.title || item.citation)
    : item.type === 'case' ? link('/cases/' + encodeURIComponent(item.id), item.title || item.citation) : null;
  return el('li', { class: 'pack-item type-' + item.type },
    el('span', { class: 'badge kind' }, PACK_TYPES[item.type]),
    item.type === 'heading' ? el('h3', { class: 'pack-heading' }, item.text)
      : item.type === 'note' ? el('p', { class: 'pack-note' }, el('strong', {}, '讲师备注：'), item.text)
        : [el('h3', {}, head), el('p', { class: 'cite' }, item.citation),
          el('details', {}, el('summary', {}, '原文'), paragraphs(item.text),
            (item.rows || []).length ? el('table', { class: 'bands' }, el('tbody', {}, item.rows.map((r, i) => el('tr', {}, el('td', {}, String(i + 1)), el('td', {}, r))))) : null)],
    controls || null);
}

function exportLinks(pack) {
  const base = '/api/packs/' + encodeURIComponent(pack.id) + '/export?format=';
  return el('p', { class: 'downloads' }, '导出：',
    link(base + 'docx', 'Word', { class: 'chip export-docx', download: '' }), link(base + 'md', 'Markdown', { class: 'chip', download: '' }),
    link(base + 'html', '打印页', { class: 'chip', target: '_blank', rel: 'noopener' }));
}

async function renderSharedPack(main, id) {
  const pack = await api('/api/packs/' + encodeURIComponent(id));
  setTitle(pack.title);
  main.replaceChildren(el('article', { class: 'pack shared' },
    el('h1', {}, pack.title),
    el('p', { class: 'meta' }, (pack.audience ? '面向' + pack.audience + '党支部 · ' : '') + pack.items.length + ' 项 · 第 ' + pack.version + ' 版'),
    pack.description ? el('p', {}, pack.description) : null,
    exportLinks(pack),
    packStore.token(id) ? el('p', {}, link('/packs/' + encodeURIComponent(id), '编辑这个课程包')) : null,
    el('ol', { class: 'pack-items' }, pack.items.map((item) => packItemView(item)))));
}

async function renderPackEditor(main, id) {
  const token = packStore.token(id);
  if (!token) return renderSharedPack(main, id);
  let pack = await api('/api/packs/' + encodeURIComponent(id));
  packStore.use(id);
  const status = el('p', { class: 'pack-save', role: 'status' });
  const list = el('ol', { class: 'pack-items editable' });

  async function save(change, focusIndex) {
    const next = JSON.parse(JSON.stringify(pack));
    change(next);
    try {
      pack = await request('PUT', '/api/packs/' + encodeURIComponent(id), packBody(next), token);
      packStore.remember(pack);
      status.textContent = '已保存（第 ' + pack.version + ' 版）';
    } catch (e) {
      if (e.status === 409) {
        pack = await api('/api/packs/' + encodeURIComponent(id));
        status.textContent = '课程包已在别处修改，已载入最新版本（第 ' + pack.version + ' 版），请重新操作。';
      } else status.textContent = e.message;
    }
    draw(focusIndex);
  }
  const move = (from, to) => save((p) => { const [item] = p.items.splice(from, 1); p.items.splice(to, 0, item); }, to);
  const noteEditor = (index, text, replace) => {
    const area = el('textarea', { class: 'note-text', rows: '3', maxlength: '5000', 'aria-label': '备注内容' }, text || '');
    const form = el('form', {
      class: 'note-form', onsubmit: (e) => {
        e.preventDefault();
        const value = area.value.trim();
        if (!value) return;
        save((p) => p.items.splice(index, replace ? 1 : 0, { type: 'note', text: value }), index);
      },
    }, area, el('button', { type: 'submit' }, '保存备注'), el('button', { type: 'button', onclick: () => draw() }, '取消'));
    setTimeout(() => area.focus(), 0);
    return form;
  };

  function draw(focusIndex) {
    title.value = pack.title;
    list.replaceChildren(...pack.items.map((item, i) => {
      const controls = el('div', { class: 'item-controls' },
        el('button', { type: 'button', class: 'up', 'aria-label': '上移第 ' + (i + 1) + ' 项', disabled: i === 0, onclick: () => move(i, i - 1) }, '↑'),
        el('button', { type: 'button', class: 'down', 'aria-label': '下移第 ' + (i + 1) + ' 项', disabled: i === pack.items.length - 1, onclick: () => move(i, i + 1) }, '↓'),
        el('button', { type: 'button', class: 'add-note', onclick: () => li.after(el('li', { class: 'pack-item editing' }, noteEditor(i + 1, ''))) }, '加备注'),
        item.type === 'note' || item.type === 'heading' ? el('button', {
          type: 'button', class: 'edit', onclick: () => {
            if (item.type === 'note') li.replaceChildren(noteEditor(i, item.text, true));
            else { const t = prompt('标题', item.text); if (t && t.trim()) save((p) => { p.items[i].text = t.trim(); }, i); }
          },
        }, '修改') : null,
        el('button', { type: 'button', class: 'remove', onclick: () => save((p) => p.items.splice(i, 1), Math.min(i, pack.items.length - 2)) }, '移除'));
      const li = packItemView(item, controls);
      li.tabIndex = 0;
      li.draggable = true;
      li.dataset.index = String(i);
      li.setAttribute('aria-label', '第 ' + (i + 1) + ' 项，' + PACK_TYPES[item.type] + '：' + (item.title || item.text || '') + '。Alt+上下方向键移动');
      li.addEventListener('keydown', (e) => {
        if (e.target !== li || !e.altKey) return;
        if (e.key === 'ArrowUp' && i > 0) { e.preventDefault(); move(i, i - 1); }
        if (e.key === 'ArrowDown' && i < pack.items.length - 1) { e.preventDefault(); move(i, i + 1); }
      });
      li.addEventListener('dragstart', (e) => { e.dataTransfer.setData('text/plain', String(i)); li.classList.add('dragging'); });
      li.addEventListener('dragend', () => li.classList.remove('dragging'));
      li.addEventListener('dragover', (e) => e.preventDefault());
      li.addEventListener('drop', (e) => {
        e.preventDefault();
        const from = parseInt(e.dataTransfer.getData('text/plain'), 10);
        if (!Number.isNaN(from) && from !== i) move(from, i);
      });
      return li;
    }));
    count.textContent = pack.items.length + ' 项 · 第 ' + pack.version + ' 版';
    if (focusIndex !== undefined && list.children[focusIndex]) list.children[focusIndex].focus();
  }

  const title = el('input', { id: 'pack-title', type: 'text', maxlength: '100', value: pack.title, 'aria-label': '课程包标题' });
  title.addEventListener('change', () => { if (title.value.trim()) save((p) => { p.title = title.value.trim(); }); });
  const audience = el('select', { id: 'pack-audience-edit', 'aria-label': '面向' }, el('option', { value: '' }, '各类型党支部'),
    ALL_TYPES.map((t) => el('option', { value: t, selected: t === pack.audience }, t + '党支部')));
  audience.addEventListener('change', () => save((p) => { p.audience = audience.value; }));
  const description = el('textarea', { id: 'pack-description', rows: '2', maxlength: '2000', 'aria-label': '课程说明', placeholder: '课程说明（可选）' }, pack.description || '');
  description.addEventListener('change', () => save((p) => { p.description = description.value.trim(); }));
  const count = el('span', { class: 'meta' });
  const share = location.origin + '/p/' + encodeURIComponent(id);
  const addHeading = el('button', {
    type: 'button', class: 'add-heading', onclick: () => { const t = prompt('标题'); if (t && t.trim()) save((p) => p.items.push({ type: 'heading', text: t.trim() }), pack.items.length); },
  }, '添加标题');
  const addNote = el('button', { type: 'button', class: 'add-note-end', onclick: () => list.append(el('li', { class: 'pack-item editing' }, noteEditor(pack.items.length, ''))) }, '添加备注');
  const remove = el('button', {
    type: 'button', class: 'danger', onclick: async () => {
      if (!confirm('删除课程包“' + pack.title + '”？')) return;
      try {
        await request('DELETE', '/api/packs/' + encodeURIComponent(id) + '?version=' + pack.version, undefined, token);
        packStore.forget(id);
        history.pushState(null, '', '/packs');
        route();
      } catch (e) { status.textContent = e.message; }
    },
  }, '删除课程包');
  setTitle(pack.title);
  main.replaceChildren(el('article', { class: 'pack editor' },
    breadcrumb([link('/packs', '课程包'), pack.title]),
    el('div', { class: 'pack-fields' }, title, audience, description), count, status, exportLinks(pack),
    el('p', { class: 'share' }, '只读分享链接：', link(share, share, { class: 'share-link' })),
    el('p', { class: 'meta' }, '拖动条目或选中后按 Alt+↑/↓ 调整顺序；在检索结果、条文页、案例页点“加入课程包”继续收集。'),
    list, el('p', { class: 'pack-actions' }, addHeading, ' ', addNote, ' ', remove)));
  draw();
}

// ---------- router ----------

async function route() {
  const main = document.getElementById('main');
  const path = decodeURIComponent(location.pathname);
  const params = new URLSearchParams(location.search);
  const input = document.getElementById('q');
  if (path === '/' && params.get('q')) input.value = params.get('q');
  main.setAttribute('aria-busy', 'true');
  try {
    let m;
    if (path === '/') await (params.get('q') || params.get('branchType') || params.get('docId') ? renderSearch(main, params) : renderHome(main, params));
    else if ((m = path.match(/^\/c\/(.+)$/))) await renderClause(main, m[1]);
    else if ((m = path.match(/^\/d\/(.+)$/))) await renderDocument(main, m[1]);
    else if (path === '/cases') await renderCases(main, params);
    else if ((m = path.match(/^\/cases\/(.+)$/))) await renderCase(main, m[1]);
    else if (path === '/checklist') await renderChecklist(main, params);
    else if (path === '/admin') await renderAdmin(main);
    else if (path === '/packs') await renderPacks(main, params);
    else if ((m = path.match(/^\/packs\/(.+)$/))) await renderPackEditor(main, m[1]);
    else if ((m = path.match(/^\/p\/(.+)$/))) await renderSharedPack(main, m[1]);
    else throw new Error('没有这个页面。');
  } catch (error) {
    showError(main, error);
  } finally {
    main.removeAttribute('aria-busy');
  }
}

document.addEventListener('DOMContentLoaded', () => {
  wireSuggestions();
  route();
});
