import type { Locale } from '../locale';
import { messages } from '../messages';
import type { CampaignPlan } from './campaign-plan';

/** what the printed plan says besides the plan: which campaign, its status in words, and when it was made. */
export interface PlanDocumentMeta {
  campaignId: string;
  status: string;
  /** when the document was made, already formatted for the reader (e.g. '07.12.2026, 10:15'). */
  madeAt: string;
}

/** the characters that would change the meaning of HTML text or of a quoted attribute. */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** text as HTML shows it literally. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const STYLE = `
  :root { color-scheme: light; }
  body { font-family: "Segoe UI", Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.5; color: #1b1b1b;
         background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.15rem; margin: 1.5rem 0 .4rem; border-bottom: 1px solid #999; padding-bottom: .15rem; }
  p.meta { color: #444; margin: 0; }
  ul { margin: 0; padding-left: 1.25rem; }
  li { margin: .2rem 0; white-space: pre-line; }
  footer { margin-top: 2rem; color: #444; font-size: .9rem; }
  @media print {
    body { margin: 0; max-width: none; font-size: 10.5pt; }
    section { break-inside: avoid; page-break-inside: avoid; }
    h2 { break-after: avoid; page-break-after: avoid; }
    @page { margin: 2cm; }
  }`;

/**
 * the plan as a printable, self-contained HTML document in the reader's language: no scripts, no external resources,
 * every text escaped; one heading per section, its lines as a list.
 */
export function planDocument(plan: CampaignPlan, locale: Locale, meta: PlanDocumentMeta): string {
  const m = messages(locale);
  const sections = plan.sections.map(
    (section) =>
      `  <section>\n    <h2>${escapeHtml(section.heading)}</h2>\n    <ul>\n${section.lines
        .map((line) => `      <li>${escapeHtml(line)}</li>`)
        .join('\n')}\n    </ul>\n  </section>`,
  );
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(`${plan.title} – ${m.planDocumentSubtitle}`)}</title>`,
    `<style>${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    '  <header>',
    `    <h1>${escapeHtml(plan.title)}</h1>`,
    `    <p class="meta">${escapeHtml(m.planDocumentSubtitle)}</p>`,
    `    <p class="meta">${escapeHtml(m.planDocumentCampaign(meta.campaignId, meta.status))}</p>`,
    '  </header>',
    ...sections,
    `  <footer><p>${escapeHtml(m.planDocumentMade(meta.madeAt))}</p></footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
