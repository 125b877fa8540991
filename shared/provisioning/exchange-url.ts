import { z } from 'zod';

/** The exchange address: WebSocket (TLS in production), as the station connects through the firewall. */
export const exchangeUrl = z
  .string()
  .max(200)
  .regex(/^wss?:\/\/[^\s/]+(:\d{1,5})?(\/\S*)?$/, 'exchange address is ws:// or wss://');
