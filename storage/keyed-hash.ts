import { createHmac } from 'node:crypto';

/**
 * a pseudonym or key derived from `text` with the answer secret (HMAC-SHA256, hex, `length` characters). Without the
 * secret it cannot be recomputed or reversed; every scope (item, team week, erasure …) is part of `text`, so two
 * scopes never share a value.
 */
export function keyedHash(secret: string, text: string, length = 40): string {
  return createHmac('sha256', secret).update(text).digest('hex').slice(0, length);
}
