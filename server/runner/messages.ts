/** Reads one incoming frame into a validated ClientMessage, or says precisely what is wrong with it. */
import type { ClientMessage } from '../../contracts/runner-protocol.ts';
import { clientMessage } from '../protocol.ts';

export type Parsed = { ok: true; message: ClientMessage } | { ok: false; id: number | null; error: string };

export function parseClientMessage(text: string): Parsed {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, id: null, error: `Message is not JSON: ${preview(text)}` };
  }
  const result = clientMessage.safeParse(raw);
  if (result.success) return { ok: true, message: result.data };
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? raw.id : null;
  const usableId = typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ');
  return { ok: false, id: usableId, error: `Invalid message: ${problems}` };
}

function preview(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}
