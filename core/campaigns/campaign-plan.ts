import type { Locale } from '../locale';
import { messages } from '../messages';
import type { Campaign, CampaignItem, Targets } from './campaign';
import { channelWords, durationWords, joinWords, quoted, whenWords } from './plan-words';

/** what a plan needs to know besides the campaign: the deployment's thresholds and retention, and names for ids. */
export interface PlanContext {
  /** MIN_GROUP_SIZE: the fewest answers a result is shown for. */
  minGroupSize: number;
  /** MIN_GROUP_SIZE_TEXT: the fewest answers anonymous free texts are shown for. */
  minGroupSizeText: number;
  /** RETENTION_DAYS: used when the campaign sets no retentionDays. */
  retentionDays: number;
  /** unit id → unit name from the organisation file, for units named by id. */
  unitNames?: ReadonlyMap<string, string>;
  /** team id → team name, for teams named by id. */
  teamNames?: ReadonlyMap<string, string>;
}

/** one part of a plan: a heading and its lines, in the reader's language. */
export interface PlanSection {
  heading: string;
  lines: string[];
}

/** a campaign in words a staff council member reads: title, then sections (purpose, who, questions, when, results, retention). */
export interface CampaignPlan {
  title: string;
  sections: PlanSection[];
}

/** the time zone a plan does not name: the one its readers assume. */
const USUAL_TIME_ZONE = 'Europe/Berlin';

/**
 * the readable plan of a campaign: purpose, who is asked and where, each question (type, options, anonymity, when,
 * reminder), who sees which results with the deployment's thresholds, and how long answers are kept. Lines hold
 * people's text as written: escape it for the medium (plainText on a card, HTML escaping in a document).
 */
export function campaignPlan(campaign: Campaign, locale: Locale, context: PlanContext): CampaignPlan {
  const m = messages(locale);
  const total = campaign.items.length;
  return {
    title: campaign.title,
    sections: [
      { heading: m.planHeadingPurpose, lines: [campaign.description ?? m.planNoDescription] },
      { heading: m.planHeadingWho, lines: whoLines(campaign, locale, context) },
      ...campaign.items.map((item, i) => ({
        heading: m.planHeadingItem(i + 1, total),
        lines: itemLines(item, locale),
      })),
      { heading: m.planHeadingResults, lines: resultLines(campaign.items, locale, context) },
      {
        heading: m.planHeadingRetention,
        lines: [
          campaign.retentionDays !== undefined
            ? m.planRetentionOwn(campaign.retentionDays)
            : m.planRetentionDefault(context.retentionDays),
          m.planRetentionRest,
        ],
      },
    ],
  };
}

function whoLines(campaign: Campaign, locale: Locale, context: PlanContext): string[] {
  const m = messages(locale);
  return [
    ...targetLines(campaign.targets, locale, context),
    m.planChannel(channelWords(campaign.channel, locale)),
    ...(campaign.timeZone !== USUAL_TIME_ZONE ? [m.planTimeZone(campaign.timeZone)] : []),
  ];
}

function targetLines(targets: Targets, locale: Locale, context: PlanContext): string[] {
  const m = messages(locale);
  if (targets.kind === 'all') return [m.planTargetsAll];
  const teams = targets.teams.map((t) => context.teamNames?.get(t) ?? t);
  const units = (targets.units ?? []).map((u) => context.unitNames?.get(u) ?? u);
  return [
    // names in quotes: "Das Team „Team Leistung“", never "Das Team Team Leistung".
    ...(teams.length > 0
      ? [
          m.planTargetsTeams(
            joinWords(
              teams.map((t) => quoted(t, locale)),
              locale,
            ),
            teams.length,
          ),
        ]
      : []),
    ...(units.length > 0
      ? [
          m.planTargetsUnits(
            joinWords(
              units.map((u) => quoted(u, locale)),
              locale,
            ),
            units.length,
          ),
        ]
      : []),
  ];
}

/** the type of an item in words: 'Art: Kurzumfrage, bis zu 2 Antworten'. */
export function itemTypeLine(item: CampaignItem, locale: Locale): string {
  const m = messages(locale);
  switch (item.type) {
    case 'idea':
      return m.planTypeIdea;
    case 'rating':
      return m.planTypeRating;
    case 'yesno':
      return m.planTypeYesNo;
    case 'poll':
      if (!item.multiple) return m.planTypePollSingle;
      return item.maxChoices !== undefined && item.maxChoices < item.options.length
        ? m.planTypePollMax(item.maxChoices)
        : m.planTypePollMultiple;
  }
}

function itemLines(item: CampaignItem, locale: Locale): string[] {
  const m = messages(locale);
  return [
    m.planQuestion(item.question),
    itemTypeLine(item, locale),
    ...(item.type === 'poll' ? [m.planOptions(item.options.map((o) => quoted(o, locale)).join(', '))] : []),
    item.anonymous ? m.planAnonymous : m.planNamed,
    m.planWhen(whenWords(item, locale)),
    ...(item.remindBefore !== undefined ? [m.planReminder(durationWords(item.remindBefore, locale))] : []),
  ];
}

function resultLines(items: readonly CampaignItem[], locale: Locale, context: PlanContext): string[] {
  const m = messages(locale);
  const anonymous = items.filter((i) => i.anonymous);
  const named = items.filter((i) => !i.anonymous);
  return [
    m.planResultsThreshold(context.minGroupSize),
    m.planResultsCount,
    ...(anonymous.length > 0 ? [m.planResultsAnonymous] : []),
    ...(anonymous.some((i) => i.type === 'idea') ? [m.planResultsAnonymousIdeas(context.minGroupSizeText)] : []),
    ...(named.length > 0 ? [m.planResultsNamed] : []),
    ...(named.some((i) => i.type === 'idea') ? [m.planResultsNamedIdeas] : []),
    m.planResultsLeaders(context.minGroupSize),
    m.planResultsAdmins,
  ];
}
