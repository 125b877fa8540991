import { z } from 'zod';

/** Why an exchange address is refused: stable codes the renderer words (sync.exchange.*). */
export const EXCHANGE_URL_REFUSALS = {
  format: 'exchangeUrl.format',
  /** ws:// carries the station's batches in clear: only to this PC itself (tests, a local development exchange). */
  cleartextNotLoopback: 'exchangeUrl.cleartextNotLoopback',
} as const;

const FORMAT = /^wss?:\/\/[^\s/]+(:\d{1,5})?(\/\S*)?$/;

/** A host that never leaves this PC: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The host of a ws(s):// address: after any user info, before the port; an IPv6 host keeps its brackets. */
function hostnameOf(url: string): string {
  const authority = (/^wss?:\/\/([^\s/]+)/.exec(url)?.[1] ?? '').replace(/^.*@/, '');
  return authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : (authority.split(':')[0] ?? '');
}

/**
 * The exchange address: WebSocket, as the station connects through the firewall — wss:// (TLS) to any host, ws://
 * only to loopback, so a mistyped scheme never sends personal data in clear over a network.
 */
export const exchangeUrl = z
  .string()
  .trim()
  .max(200)
  .regex(FORMAT, EXCHANGE_URL_REFUSALS.format)
  .refine((url) => url.startsWith('wss://') || isLoopbackHost(hostnameOf(url)), { message: EXCHANGE_URL_REFUSALS.cleartextNotLoopback });
