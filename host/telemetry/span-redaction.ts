import type { AttributeValue } from '@opentelemetry/api';
import type { Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { redactDownloadTokens } from '../logger';

/** attributes that hold a URL or a part of one, old and stable HTTP conventions both. */
const URL_ATTRIBUTES = new Set([
  'http.url',
  'http.target',
  'http.route',
  'url.full',
  'url.path',
  'url.original',
  'url.template',
]);
/** query strings (Table filters name partitions, token endpoints name identities) are never recorded. */
const QUERY_ATTRIBUTES = new Set(['url.query']);

/** a Table entity address, `Items(PartitionKey='…',RowKey='…')`: its keys can name a person. */
const ENTITY_KEYS = /(\(|%28)PartitionKey=[^?#]*/gi;
/** Bot Connector ids in a path (`/v3/conversations/<id>/activities/<id>`, `/v3/teams/<id>/…`): one dependency name per operation. */
const CONNECTOR_IDS = /\/(conversations|teams|activities)\/[^/?#]+/g;

/**
 * a URL (or path, or route) as telemetry may keep it: download tokens redacted by the logger's one rule, no query
 * string, no Table entity keys, Bot Connector ids replaced by `[id]`, so each kind of request or dependency call
 * has one name and no request is tied to a person.
 */
export function telemetryUrl(url: string): string {
  return redactDownloadTokens(url)
    .replace(/[?#].*$/s, '')
    .replace(ENTITY_KEYS, '$1[redacted])')
    .replace(CONNECTOR_IDS, '/$1/[id]');
}

/** rewrites attributes in place: URL attributes as `telemetryUrl`, download tokens out of every other text. */
function redactAttributes(attributes: Record<string, AttributeValue | undefined>): void {
  for (const [key, value] of Object.entries(attributes)) {
    if (QUERY_ATTRIBUTES.has(key)) {
      delete attributes[key];
      continue;
    }
    if (typeof value !== 'string') continue;
    const redacted = URL_ATTRIBUTES.has(key) ? telemetryUrl(value) : redactDownloadTokens(value);
    if (redacted !== value) attributes[key] = redacted;
  }
}

/**
 * keeps download-link tokens (`/exports/<token>`, `/my-data/<token>`), query strings and storage keys out of every
 * span, whichever instrumentation made it: rewrites the name and the attributes when a span starts, and again, with
 * its events (an exception's message), just before it ends, while it is still writable and before any processor or
 * exporter reads it (Application Insights builds request and dependency names from these attributes).
 */
export class RedactingSpanProcessor implements SpanProcessor {
  onStart(span: Span): void {
    this.redact(span);
  }

  onEnding(span: Span): void {
    this.redact(span);
    for (const event of span.events)
      if (event.attributes) redactAttributes(event.attributes as Record<string, AttributeValue | undefined>);
  }

  onEnd(): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }

  private redact(span: Span): void {
    redactAttributes(span.attributes as Record<string, AttributeValue | undefined>);
    const name = telemetryUrl(span.name);
    if (name !== span.name) span.updateName(name);
  }
}
