// DOM helpers of the console page: element builders, formatting, record data decoding, the status line.

/** Builds the DOM helpers; uses nothing outside this function (its text is served as it is). */
/** What an element builder takes as children: nodes, text, nothing, or lists of them. */
export type Child = Node | string | number | null | undefined | false | readonly Child[];
/** Attributes of an element, and its event listeners under `on`. */
export type Props = Record<string, unknown> & { on?: Record<string, (event: Event) => void> };

export function domModule() {
  const SVG_NS = 'http://www.w3.org/2000/svg';
  let ids = 0;

  function append(parent: Node, children: readonly Child[]): void {
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) append(parent, child);
      else parent.appendChild(typeof child === 'object' ? (child as Node) : document.createTextNode(String(child)));
    }
  }

  function setProps(el: Element, props: Props | undefined): void {
    if (props === undefined) return;
    for (const [name, value] of Object.entries(props)) {
      if (name === 'on') {
        for (const [type, fn] of Object.entries(value as Record<string, (e: Event) => void>)) el.addEventListener(type, fn);
      } else if (value === true) el.setAttribute(name, '');
      else if (value !== false && value !== undefined && value !== null) el.setAttribute(name, String(value));
    }
  }

  /** An HTML element: `h('button', { class: 'primary', on: { click } }, 'Create')`. */
  function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props, ...children: Child[]): HTMLElementTagNameMap[K] {
    const el = document.createElement(tag);
    setProps(el, props);
    append(el, children);
    return el;
  }

  /** An SVG element. */
  function svg(tag: string, props?: Props, ...children: Child[]): SVGElement {
    const el = document.createElementNS(SVG_NS, tag);
    setProps(el, props);
    append(el, children);
    return el;
  }

  function replace(el: Element, ...children: Child[]): void {
    el.replaceChildren();
    append(el, children);
  }

  /** A fresh id for label-for pairs. */
  function uid(prefix: string): string {
    ids += 1;
    return `${prefix}-${ids}`;
  }

  /** A labelled form control: the label names it for screen readers and clicks. */
  function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
    const id = control.id || uid('f');
    control.id = id;
    const hintEl = hint === undefined ? null : h('span', { class: 'hint', id: `${id}-hint` }, hint);
    if (hintEl !== null) control.setAttribute('aria-describedby', hintEl.id);
    return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl);
  }

  /** Says `text` in the status line (a polite live region) and shows it briefly. */
  function announce(text: string, kind: 'ok' | 'error' = 'ok'): void {
    const status = document.getElementById('status');
    if (status === null) return;
    status.textContent = text;
    status.className = `toast ${kind}`;
    window.clearTimeout(Number(status.dataset['timer'] ?? 0));
    status.dataset['timer'] = String(window.setTimeout(() => (status.className = 'toast hidden'), 5000));
  }

  const nf = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  const number = (n: number): string => nf.format(n);

  function bytes(n: number): string {
    if (n < 1024) return `${number(n)} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let v = n / 1024;
    let u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return `${v.toFixed(v >= 100 || Number.isInteger(v) ? 0 : 1)} ${units[u]}`;
  }

  /** `2026-01-01 12:00:05 UTC`: engine time, which may be far from the wall clock under a ManualClock. */
  function time(ms: number): string {
    return `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} UTC`;
  }

  function hoursMinutes(ms: number): string {
    return new Date(ms).toISOString().slice(11, 16);
  }

  function duration(ms: number): string {
    if (ms < 1000) return `${number(ms)} ms`;
    if (ms < 60_000) return `${number(ms / 1000)} s`;
    if (ms < 3_600_000) return `${number(ms / 60_000)} min`;
    return `${number(ms / 3_600_000)} h`;
  }

  function decodeBase64(text: string): Uint8Array {
    const raw = atob(text);
    const out = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  function encodeBase64(data: Uint8Array): string {
    let raw = '';
    for (const b of data) raw += String.fromCharCode(b);
    return btoa(raw);
  }

  const utf8 = new TextEncoder();
  const strictText = new TextDecoder('utf-8', { fatal: true });

  /** Record data as text (undefined when not UTF-8), pretty JSON (undefined when not JSON) or hex. */
  function renderData(data: Uint8Array, mode: 'text' | 'json' | 'hex'): { text: string; ok: boolean } {
    if (mode === 'hex') {
      const hex = Array.from(data.subarray(0, 4096), (b) => b.toString(16).padStart(2, '0')).join(' ');
      return { text: data.length > 4096 ? `${hex} …` : hex, ok: true };
    }
    let text: string;
    try {
      text = strictText.decode(data);
    } catch {
      return { text: 'not UTF-8 text: shown as hex below', ok: false };
    }
    if (mode === 'text') return { text, ok: true };
    try {
      return { text: JSON.stringify(JSON.parse(text), null, 2), ok: true };
    } catch {
      return { text: 'not JSON', ok: false };
    }
  }

  /** A number input's value, or undefined when empty. */
  function numberValue(input: HTMLInputElement): number | undefined {
    return input.value.trim() === '' ? undefined : Number(input.value);
  }

  return {
    h, svg, replace, uid, field, announce, number, bytes, time, hoursMinutes, duration, decodeBase64, encodeBase64,
    renderData, numberValue, utf8,
  };
}
