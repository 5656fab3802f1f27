import { VERBS } from '../core/card-actions';
import type { CampaignStatus } from '../core/campaigns/campaign';
import type { Locale } from '../core/locale';
import { messages } from '../core/messages';
import type { ExportRangeErrors } from '../core/export/export-range';
import { plainText } from '../core/plain-text';
import { describeProblem } from '../core/problems';
import template from './templates/export.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** a campaign that may be exported, with how many of its posts the requester may see. */
export interface ExportableCampaign {
  id: string;
  title: string;
  status: CampaignStatus;
  posts: number;
}

/** the range form of the `export` card: two days (default the last three months) and problems under their fields. */
export interface ExportRangeForm {
  from: string;
  to: string;
  errors?: ExportRangeErrors;
}

/**
 * the `export` answer: one "create CSV" button per campaign and, with `range`, a form for everything said in a date
 * range (ad-hoc polls and prompts, ideas sent in chat, measures); leaders are told that only their teams are in it.
 */
export function buildExportListCard(
  locale: Locale,
  campaigns: ExportableCampaign[],
  options: { leaderOnly: boolean; linkMinutes: number; range?: ExportRangeForm },
): AdaptiveCard {
  const m = messages(locale);
  const paragraphs =
    campaigns.length === 0
      ? [m.exportNone]
      : [m.exportIntro(options.linkMinutes), ...(options.leaderOnly ? [m.exportIntroLeader] : [])];
  return expandTemplate(template, {
    title: m.exportTitle,
    paragraphs,
    campaigns: campaigns.map((c) => ({
      title: plainText(`${c.title} (${c.id})`),
      line: m.exportCampaignLine(m.campaignStatus[c.status] ?? c.status, c.posts),
      button: m.exportButton,
      verb: VERBS.exportCampaign,
      payload: { campaignId: c.id },
    })),
    range: options.range ? rangeForm(locale, options.range) : null,
    download: '',
    downloadTitle: '',
  });
}

function rangeForm(locale: Locale, form: ExportRangeForm): object {
  const m = messages(locale);
  const error = (key: 'from' | 'to') => {
    const problem = form.errors?.[key];
    return problem ? describeProblem(locale, { key: problem }) : '';
  };
  return {
    title: m.exportRangeTitle,
    intro: m.exportRangeIntro,
    fromLabel: m.exportRangeFrom,
    toLabel: m.exportRangeTo,
    from: form.from,
    to: form.to,
    dateError: m.errExportRangeDate,
    fromError: error('from'),
    toError: error('to'),
    button: m.exportRangeButton,
    verb: VERBS.exportRange,
    payload: { range: true },
  };
}

/** the card after "create CSV for the period": what the file holds, the anonymity rule, and a short-lived link. */
export function buildExportRangeReadyCard(
  locale: Locale,
  input: {
    from: string;
    to: string;
    items: number;
    chatIdeas: number;
    measures: number;
    url: string;
    linkMinutes: number;
    minGroupSize: number;
  },
): AdaptiveCard {
  const m = messages(locale);
  return expandTemplate(template, {
    title: m.exportRangeReadyTitle(input.from, input.to),
    paragraphs: [
      m.exportRangeReady(input.items, input.chatIdeas, input.measures, input.linkMinutes),
      m.exportAnonymity(input.minGroupSize),
    ],
    campaigns: [],
    range: null,
    download: input.url,
    downloadTitle: m.exportDownload,
  });
}

/** the card after "create CSV": what the file holds, the anonymity rule, and a short-lived download link. */
export function buildExportReadyCard(
  locale: Locale,
  input: { campaignTitle: string; items: number; url: string; linkMinutes: number; minGroupSize: number },
): AdaptiveCard {
  const m = messages(locale);
  return expandTemplate(template, {
    title: m.exportReadyTitle(plainText(input.campaignTitle)),
    paragraphs: [m.exportReady(input.items, input.linkMinutes), m.exportAnonymity(input.minGroupSize)],
    campaigns: [],
    range: null,
    download: input.url,
    downloadTitle: m.exportDownload,
  });
}
