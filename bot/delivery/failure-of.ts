import type { SendFailure } from '../../core/delivery/retry-policy';

const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'ECONNABORTED',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'REQUEST_SEND_ERROR',
]);

/**
 * reads a failed connector call: botbuilder's ConnectorClient throws @azure/core-rest-pipeline RestErrors with
 * `statusCode` and `response.headers` (an HttpHeaders with `get`); dropped connections come without a status.
 */
export function failureOf(err: unknown): SendFailure {
  const e = (err ?? {}) as {
    statusCode?: unknown;
    code?: unknown;
    message?: unknown;
    response?: { status?: unknown; headers?: unknown };
  };
  const status =
    typeof e.statusCode === 'number'
      ? e.statusCode
      : typeof e.response?.status === 'number'
        ? e.response.status
        : undefined;
  const headers = e.response?.headers as
    { get?: (name: string) => string | undefined } | Record<string, string> | undefined;
  const retryAfter =
    typeof headers?.get === 'function'
      ? headers.get('retry-after')
      : (headers as Record<string, string> | undefined)?.['retry-after'];
  if (status !== undefined) return { status, retryAfter: retryAfter ?? undefined };
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  return {
    transient:
      TRANSIENT_CODES.has(code) ||
      /socket hang up|ECONNRESET|ETIMEDOUT|ECONNREFUSED|EPIPE|other side closed/i.test(message),
  };
}
