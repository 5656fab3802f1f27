import pino, { type DestinationStream, type Logger, type LoggerOptions, type TransportSingleOptions } from 'pino';
import { DOWNLOAD_ROUTES } from '../app/exports';

export type { Logger };

/** fields that hold secrets wherever they appear (one level deep, or under a request's headers). */
const REDACT_PATHS = [
  ...[
    'password',
    'appPassword',
    'MicrosoftAppPassword',
    'secret',
    'answerSecret',
    'ANSWER_SECRET',
    'connectionString',
    'storageConnectionString',
    'AZURE_STORAGE_CONNECTION_STRING',
    'authorization',
    'token',
    'accessToken',
  ].flatMap((key) => [key, `*.${key}`]),
  ...['req', 'request', 'err.request', 'err.response.request', 'response.request'].flatMap((at) => [
    `${at}.headers.authorization`,
    `${at}.headers.Authorization`,
    `${at}.headers["x-ms-client-secret"]`,
  ]),
  'headers.authorization',
  'headers.Authorization',
];

/** secrets that can hide inside free text such as an error message: storage keys, SAS signatures, bearer tokens, client secrets. */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/(AccountKey=)[^;\s'"]+/gi, '$1[redacted]'],
  [/(SharedAccessSignature=)[^;\s'"]+/gi, '$1[redacted]'],
  [/([?&]sig=)[^&\s'"]+/gi, '$1[redacted]'],
  [/(Bearer\s+)[\w\-.~+/]+=*/gi, '$1[redacted]'],
  [/(SharedKey\s+[^:\s]+:)[^\s'"]+/gi, '$1[redacted]'],
  [/(client_secret=)[^&\s'"]+/gi, '$1[redacted]'],
];

/**
 * the token segment of a download link's path or URL (`/exports/<token>`, `/my-data/<token>`, also with an encoded
 * or doubled slash): a credential that opens a person's data, whatever method or route it arrived with.
 */
const DOWNLOAD_TOKEN = new RegExp(`(${Object.values(DOWNLOAD_ROUTES).join('|')})((?:/|%2f)+)[^\\s"'\\\\/?#&<>]+`, 'gi');

/** a text (a log line, a path, a URL) with the token of every download link replaced by "[redacted]". */
export function redactDownloadTokens(text: string): string {
  return text.replace(DOWNLOAD_TOKEN, '$1$2[redacted]');
}

/** a text with every recognizable secret replaced by "[redacted]". */
export function scrubSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}

/** errors as pino serializes them, with secrets scrubbed from their message and stack. */
function scrubbedError(err: Error): Record<string, unknown> {
  const serialized = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
  for (const key of ['message', 'stack']) {
    const value = serialized[key];
    if (typeof value === 'string') serialized[key] = scrubSecrets(value);
  }
  return serialized;
}

/** receives each error-level line that carries an error (`log.error({ err }, msg)` or `log.error(err, msg)`): telemetry's exceptions. */
export type OnLoggedError = (err: Error, msg: string) => void;

/** pino's level number of `error`; `fatal` is above it. */
const ERROR_LEVEL = 50;

/** the error and message of an error-level call, if it carries an error. */
function loggedError(args: unknown[]): { err: Error; msg: string } | undefined {
  const [first, second] = args;
  const err = first instanceof Error ? first : (first as { err?: unknown } | null)?.err;
  if (!(err instanceof Error)) return undefined;
  return { err, msg: typeof second === 'string' ? second : err.message };
}

/**
 * the logger settings shared by production and tests: level, redaction by path, secret scrubbing in text, and
 * download tokens redacted from every finished line. `onError` also gets every error-level line with an error.
 */
export function loggerOptions(level: string, onError?: OnLoggedError): LoggerOptions {
  return {
    level,
    base: { app: 'mitwirken' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: scrubbedError },
    hooks: {
      logMethod(args, method, levelNumber) {
        if (onError && levelNumber >= ERROR_LEVEL) {
          const logged = loggedError(args);
          if (logged) onError(logged.err, logged.msg);
        }
        const scrubbed = args.map((a) => (typeof a === 'string' ? scrubSecrets(a) : a)) as Parameters<typeof method>;
        return method.apply(this, scrubbed);
      },
      // the finished line, so no field, message, error text or binding can carry a download token past it.
      streamWrite: redactDownloadTokens,
    },
  };
}

/**
/**
 * pino-pretty's transport for a person watching the terminal, or undefined where pino-pretty is not installed: it is a
 * development dependency, so a production install writes JSON lines even on a terminal.
 */
export function prettyTransport(resolve: (id: string) => string = require.resolve): TransportSingleOptions | undefined {
  try {
    resolve('pino-pretty');
  } catch {
    return undefined;
  }
  return { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app' } };
}

/**
 * structured JSON logs; pretty when a person watches the terminal and pino-pretty is installed. Secrets are redacted
 * by path and scrubbed from messages and errors. `destination` (tests) writes there instead of stdout; `onError`
 * receives logged errors.
 */
export function createLogger(
  level: string,
  pretty = Boolean(process.stdout.isTTY),
  destination?: DestinationStream,
  onError?: OnLoggedError,
): Logger {
  if (destination) return pino(loggerOptions(level, onError), destination);
  return pino({ ...loggerOptions(level, onError), transport: pretty ? prettyTransport() : undefined });
}
