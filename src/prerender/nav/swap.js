// Brings in the page at `url`. On any failure the browser loads it itself, so a reader
// always gets the page they asked for.
async function go(url, { push = false, replace = false, scroll = null, initial = false } = {}) {
  if (host && underBase(url.pathname) && isRoot(url.pathname)) {
    // The base itself: the reader's language, in place of the base's own address.
    url = new URL(`${host.base}/${pickLanguage(host.locale, embed.locales, embed.fallback)}/`, location.href);
    replace = !push;
  }
  pending?.abort();
  const ours = (pending = new AbortController());
  let doc;
  let at = url;
  try {
    doc = keptFor(url);
    if (doc === null) {
      const response = await responseFor(url, ours.signal);
      if (!response.ok && response.status !== 404) throw new Error(String(response.status));
      // Where a redirect led, keeping the fragment asked for.
      if (!host && response.redirected && response.url) at = new URL(url.hash, response.url);
      doc = parse(await response.text());
      if (response.ok) keep(key(at), { doc });
    }
  } catch {
    if (ours.signal.aborted) return;
    fail(url, initial);
    return;
  }
  if (pending !== ours) return;
  pending = null;
  const next = doc.querySelector(host ? PAGE : APP);
  if (!next) {
    fail(url, initial);
    return;
  }
  if (push || replace) {
    remember();
    const state = { hcnfScroll: 0 };
    if (push) history.pushState(state, '', at.href);
    else history.replaceState(state, '', at.href);
  }
  shown = key(at);
  swap(doc, next);
  absoluteAddress();
  if (!initial) {
    const target = at.hash && document.getElementById(decodeURIComponent(at.hash.slice(1)));
    if (scroll !== null) scrollTo(0, scroll);
    else if (target) target.scrollIntoView();
    else if (host) app().scrollIntoView();
    else scrollTo(0, 0);
    // As after a page load, the reader starts at the new page's heading; a screen reader
    // announces it.
    document.querySelector(`${APP} h1[tabindex]`)?.focus({ preventScroll: true });
  }
  await startForm(doc, at, initial);
}

// A page that could not be brought in: the browser loads it itself, so the reader gets
// the page they asked for; but never the page being started, which would load forever.
function fail(url, initial) {
  if (initial) {
    console.error(`HCNF: the app's page for ${url.pathname} could not be loaded from ${source(url)}`);
  } else {
    location.assign(url.href);
  }
}

// The new page's content and head in place of the current ones. What was typed into a
// form that has not run yet goes along to the next page with the form.
function swap(doc, next) {
  const form = document.querySelector(FORM);
  if (form) {
    // Once the form runs, its own draft holds what was typed.
    const values = app().hasAttribute(STARTED) ? null : typedInto(form);
    typed = values && { values, at: Date.now() };
    window.wasmBindings?.hcnfLeaveForm?.();
  }
  const root = app();
  if (host) {
    const page = document.importNode(next, true);
    fitPage(page, host);
    root.replaceChildren(page);
  } else {
    replaceContent(root, doc, next);
  }
  const arrived = document.querySelector(FORM);
  if (arrived && typed) {
    if (Date.now() - typed.at < TYPED_MS) fillIn(arrived, typed.values);
    typed = null;
  }
  heldBy(root);
}

// What a reader typed into a form that had not run yet (the wasm still on its way, or
// never coming), by field name, or null if nothing. The form, once it runs, keeps what its
// fields hold; until then only the page has it, so leaving the page must not lose it.
// Not the field the form sets for bots (out of the tab order), which a person never fills.
const FIELDS = 'input[name]:not([tabindex="-1"]), textarea[name], select[name]';
function typedInto(form) {
  const values = new Map();
  for (const field of form.querySelectorAll(FIELDS)) {
    if (field.type === 'checkbox') {
      if (field.checked !== field.defaultChecked) values.set(field.name, field.checked);
    } else if (field.tagName === 'SELECT') {
      if ([...field.options].some((o) => o.selected !== o.defaultSelected)) values.set(field.name, field.value);
    } else if (field.type !== 'radio' && field.value !== field.defaultValue) {
      values.set(field.name, field.value);
    }
  }
  return values.size ? values : null;
}
function fillIn(form, values) {
  for (const field of form.querySelectorAll(FIELDS)) {
    if (!values.has(field.name)) continue;
    if (field.type === 'checkbox') field.checked = values.get(field.name);
    else field.value = values.get(field.name);
  }
}

// The site's page: its head's parts that follow the page, and its content.
function replaceContent(root, doc, next) {
  document.title = doc.title;
  document.documentElement.lang = doc.documentElement.lang;
  const headParts = 'meta[name="description"], link[rel="alternate"], link[rel="canonical"]';
  for (const old of document.head.querySelectorAll(headParts)) old.remove();
  for (const part of doc.head.querySelectorAll(headParts)) {
    document.head.append(document.importNode(part, true));
  }
  // Each page carries inline only the rules it needs (the form's where the form is): the
  // new page's that this document lacks go in after those it has, in the new page's order,
  // before its content. The policy allows them by their hashes as it does in the page.
  const have = new Set([...document.head.querySelectorAll('style')].map((s) => s.textContent));
  for (const style of doc.head.querySelectorAll('style')) {
    if (!have.has(style.textContent)) document.head.append(document.importNode(style, true));
  }
  patch(root, next);
}

// Makes the content of `live` that of `next`, an element of a parsed page: what is the same
// is kept, a changed attribute or text is set, and only what differs in shape is replaced.
// Header, navigation and footer keep their elements (a page changes only their current
// entries, links and address), so the browser restyles and lays out the new main content
// rather than the whole page: a route change is painted sooner.
function patch(live, next) {
  const was = live.childNodes;
  const is = next.childNodes;
  if (was.length !== is.length) {
    live.replaceChildren(...[...is].map((n) => document.importNode(n, true)));
    return;
  }
  for (let i = 0; i < is.length; i += 1) {
    const a = was[i];
    const b = is[i];
    if (renewed(a) || renewed(b)) {
      a.replaceWith(document.importNode(b, true));
    } else if (a.isEqualNode(b)) {
      continue;
    } else if (a.nodeType === b.nodeType && (a.nodeType === Node.TEXT_NODE || a.nodeType === Node.COMMENT_NODE)) {
      a.nodeValue = b.nodeValue;
    } else if (a.nodeType !== Node.ELEMENT_NODE || a.nodeName !== b.nodeName) {
      a.replaceWith(document.importNode(b, true));
    } else {
      for (const { name } of [...a.attributes]) if (!b.hasAttribute(name)) a.removeAttribute(name);
      for (const { name, value } of b.attributes) if (a.getAttribute(name) !== value) a.setAttribute(name, value);
      patch(a, b);
    }
  }
}

// Always new elements, even where equal: the form, which the wasm takes over afresh, and
// the page's heading, which takes focus after every change. Focusing the element that
// already has focus (the heading, after Back) does nothing, and a screen reader would not
// announce the page.
const renewed = (node) => node.nodeType === Node.ELEMENT_NODE && node.matches(`${FORM}, h1`);

