import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Contact, ContactFields } from '@contacts/wire-types';

const ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'test/browser/screenshots');
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Waits until the connection indicator shows the given state. */
export async function waitForConnection(page: Page, state: 'live' | 'reconnecting' | 'catching-up', timeout = 10_000): Promise<void> {
  await page.waitForSelector(`[data-testid=connection-state][data-state="${state}"]`, { timeout });
}

/** Records every state the connection indicator goes through (to see short-lived ones). */
export async function recordConnectionStates(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __states: string[] };
    const el = document.querySelector('[data-testid=connection-state]');
    w.__states = [el?.getAttribute('data-state') ?? ''];
    if (el) {
      new MutationObserver(() => w.__states.push(el.getAttribute('data-state') ?? '')).observe(el, { attributes: true });
    }
  });
  return () => page.evaluate(() => (window as unknown as { __states: string[] }).__states);
}

export async function api<T>(baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

export function createContact(baseUrl: string, fields: ContactFields): Promise<Contact> {
  return api<Contact>(baseUrl, 'POST', '/api/contacts/', fields);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core on the current page; returns only serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly blocks
  // an injected inline <script>, and the app itself stays under that CSP.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function person(n: string | number): ContactFields {
  return { first_name: `Person${n}`, last_name: 'Example', email: `person${n}@example.com`, phone: `+1 555 01${String(n).padStart(2, '0')}` };
}
