import type { Locale } from '../../core/locale';
import { messages } from '../../core/messages';
import { buildCampaignListCard } from '../campaign-list-card';
import { buildGreetingCard, buildHelpCard, buildTeamWelcomeCard } from '../help-card';
import { buildItemCard, type ItemCardInput } from '../item-card';
import { buildMessageCard } from '../message-card';
import { asAttachment, type CardAttachment } from '../render';
import { buildTargetPickerCard } from '../target-picker-card';
import {
  APPOINTMENTS,
  MEETING_TOPICS,
  ONBOARDING,
  PAPERWORK,
  PEOPLE,
  SAFETY,
  SAMPLE_MIN_GROUP_SIZE,
  SAMPLE_TARGETS,
  SAMPLE_TIME_ZONE,
  TEAM_DAY,
  WAITING_TIMES,
  draftIn,
  itemIn,
  tallyOf,
  type SampleItem,
} from './sample-items';
import { IDEA_CHAT_SAMPLES } from './idea-chat-samples';
import { MENUS_SAMPLES } from './menus-samples';
import { IDEA_SAMPLES } from './idea-samples';
import { LEADER_EXPORT_SAMPLES } from './leader-export-samples';
import { MEASURE_SAMPLES } from './measure-samples';
import { LOOP_SAMPLES } from './loop-samples';
import { PRIVACY_SAMPLES } from './privacy-samples';
import { RESULTS_SAMPLES } from './results-samples';
import { RESULTS_VIEW_SAMPLES } from './results-view-samples';
import { WIZARD_SAMPLES } from './wizard-samples';
import { UNIT_SAMPLES } from './unit-samples';
import { PLAN_SAMPLES } from './plan-samples';
import { APPROVAL_SAMPLES } from './approval-samples';
import { OWN_VIEW_SAMPLES } from './own-view-samples';
import { COMPOSE_SAMPLES } from './compose-samples';

export type { CardSample } from './card-sample';
import type { CardSample } from './card-sample';

type ItemState = Omit<ItemCardInput, 'item' | 'locale' | 'minGroupSize' | 'timeZone' | 'participants'> & {
  participants?: number;
};

/** an item card in one state, with the bot's default threshold and time zone. */
function itemCard(
  locale: Locale,
  sample: SampleItem,
  state: ItemState = {},
  over: Partial<SampleItem> = {},
): CardAttachment {
  return asAttachment(
    buildItemCard({
      item: itemIn(locale, { ...sample, ...over }),
      locale,
      minGroupSize: SAMPLE_MIN_GROUP_SIZE,
      timeZone: SAMPLE_TIME_ZONE,
      participants: state.participants ?? state.tally?.voters ?? 0,
      ...state,
    }),
  );
}

/**
 * every card the bot sends, in every state that looks different. The gallery (`npm run cards`) renders
 * each in German and English; cards/card-validity.spec.ts checks each against the Teams rules.
 * Add a sample here when you add a template or a state.
 */
export const CARD_SAMPLES: readonly CardSample[] = [
  {
    id: 'poll-open',
    title: 'Open poll (single choice)',
    purpose: 'A quick poll as posted into a channel: one button per option; results stay hidden below the threshold.',
    template: 'item',
    build: (l) => itemCard(l, APPOINTMENTS, { tally: tallyOf([1, 1, 1, 0]) }),
  },
  {
    id: 'poll-open-list',
    title: 'Open poll with more than five options',
    purpose: 'A single-choice poll with six or more options offers them as a list with one submit button.',
    template: 'item',
    build: (l) => itemCard(l, TEAM_DAY, { tally: tallyOf([0, 1, 0, 0, 0, 0]) }),
  },
  {
    id: 'poll-open-multi',
    title: 'Open poll (multiple choice)',
    purpose: 'A multiple-choice poll: people tick several options and submit them together.',
    template: 'item',
    build: (l) => itemCard(l, MEETING_TOPICS, { tally: tallyOf([2, 1, 2, 0, 1], 3) }),
  },
  {
    id: 'rating-open',
    title: 'Open rating (1–5) with results',
    purpose: 'A 1–5 rating; once five people answered a named rating shows its distribution and average while open.',
    template: 'item',
    build: (l) => itemCard(l, ONBOARDING, { tally: tallyOf([0, 2, 3, 4, 1]) }),
  },
  {
    id: 'poll-open-anonymous',
    title: 'Open anonymous poll',
    purpose:
      'An anonymous poll: the lock badge and notice explain that answers carry no name; results appear only after closing.',
    template: 'item',
    build: (l) => itemCard(l, SAFETY, { tally: tallyOf([5, 3, 1]) }),
  },
  {
    id: 'poll-results',
    title: 'Open poll with results',
    purpose:
      'The shared card of a named poll once enough people answered: a bar per option, updated after each answer.',
    template: 'item',
    build: (l) => itemCard(l, APPOINTMENTS, { tally: tallyOf([4, 7, 3, 1]) }),
  },
  {
    id: 'poll-voted',
    title: 'Personal view after voting',
    purpose: 'What the person who just voted sees: a confirmation on top and their own choices preselected.',
    template: 'item',
    build: (l) =>
      itemCard(l, MEETING_TOPICS, {
        tally: tallyOf([3, 1, 3, 0, 2], 4),
        ownChoices: [0, 2],
        notice: { kind: 'good', text: yourVote(l, [0, 2]) },
      }),
  },
  {
    id: 'poll-refused',
    title: 'Refused answer',
    purpose: 'A refusal is shown on the card itself, here an anonymous answer that cannot be changed.',
    template: 'item',
    build: (l) =>
      itemCard(l, SAFETY, {
        tally: tallyOf([6, 4, 2]),
        notice: { kind: 'attention', text: messages(l).errAnonymousFinal },
      }),
  },
  {
    id: 'poll-closed',
    title: 'Closed poll with results',
    purpose:
      'After `schließen` (or at the closing time): final results, no more buttons; anonymous results appear only now.',
    template: 'item',
    build: (l) => itemCard(l, SAFETY, { tally: tallyOf([9, 6, 3]) }, { status: 'closed' }),
  },
  {
    id: 'rating-closed',
    title: 'Closed rating with average',
    purpose: 'A closed 1–5 rating: the distribution and the average.',
    template: 'item',
    build: (l) => itemCard(l, ONBOARDING, { tally: tallyOf([1, 2, 5, 8, 3]) }, { status: 'closed' }),
  },
  {
    id: 'poll-closed-too-few',
    title: 'Closed poll with too few answers',
    purpose: 'A poll closed with fewer answers than the threshold: no result is shown, to protect individuals.',
    template: 'item',
    build: (l) => itemCard(l, APPOINTMENTS, { tally: tallyOf([2, 1, 0, 0]) }, { status: 'closed' }),
  },
  {
    id: 'idea-open',
    title: 'Open idea prompt',
    purpose: 'An idea prompt: a text field for up to 1,000 characters; the card counts ideas and people.',
    template: 'item',
    build: (l) => itemCard(l, WAITING_TIMES, { ideaCount: 6, participants: 4 }),
  },
  {
    id: 'idea-open-anonymous',
    title: 'Open anonymous idea prompt',
    purpose: 'An anonymous idea prompt: ideas are stored without author, so only the number of ideas is shown.',
    template: 'item',
    build: (l) => itemCard(l, PAPERWORK, { ideaCount: 3, participants: 3 }),
  },
  {
    id: 'idea-submitted',
    title: 'Personal view after sending an idea',
    purpose: 'What the person who just sent an idea sees: their idea quoted back and an invitation to send another.',
    template: 'item',
    build: (l) =>
      itemCard(l, WAITING_TIMES, { ideaCount: 7, participants: 5, notice: { kind: 'good', text: yourIdea(l) } }),
  },
  {
    id: 'idea-closed',
    title: 'Closed idea prompt',
    purpose: 'A closed idea prompt: no text field any more, and how many ideas came in.',
    template: 'item',
    build: (l) => itemCard(l, WAITING_TIMES, { ideaCount: 14, participants: 9 }, { status: 'closed' }),
  },
  {
    id: 'help-admin',
    title: 'Help for admins',
    purpose:
      'The answer to `hilfe`/`help` for a participation manager: every command, including posting and campaigns.',
    template: 'help',
    build: (l) => asAttachment(buildHelpCard(l, { isAdmin: true, localMode: false })),
  },
  {
    id: 'help',
    title: 'Help for everyone else',
    purpose: 'The answer to `hilfe`/`help` for other team members: how to answer.',
    template: 'help',
    build: (l) => asAttachment(buildHelpCard(l, { isAdmin: false, localMode: false })),
  },
  {
    id: 'welcome',
    title: 'Team welcome',
    purpose: 'Posted once into General when Mitwirken is added to a team: what it does, the threshold, anonymity.',
    template: 'welcome',
    build: (l) => asAttachment(buildTeamWelcomeCard(l, SAMPLE_MIN_GROUP_SIZE)),
  },
  {
    id: 'greeting',
    title: 'Personal greeting',
    purpose: 'The first message in a new personal chat, with the commands this person may use.',
    template: 'welcome',
    build: (l) => asAttachment(buildGreetingCard(l, { name: firstName(PEOPLE[0]), isAdmin: true, localMode: false })),
  },
  {
    id: 'target-picker',
    title: 'Target picker',
    purpose: 'When an admin posts from the personal chat: which team and channel the item goes to.',
    template: 'target-picker',
    build: (l) => asAttachment(buildTargetPickerCard(l, draftIn(l, SAFETY), SAMPLE_TARGETS)),
  },
  {
    id: 'message-posted',
    title: 'Message card',
    purpose: 'A plain confirmation or refusal outside an item card, here after posting from the personal chat.',
    template: 'welcome',
    build: (l) =>
      asAttachment(buildMessageCard(messages(l).posted(SAMPLE_TARGETS[3]?.label ?? ''), [draftIn(l, SAFETY).question])),
  },
  {
    id: 'campaign-list',
    title: 'Campaign list',
    purpose: 'The answer to `kampagnen`/`campaigns`: each campaign with status, next post, and pause, resume or end.',
    template: 'campaign-list',
    build: (l) => asAttachment(buildCampaignListCard(l, campaigns(l), { timeZone: SAMPLE_TIME_ZONE })),
  },
  {
    id: 'campaign-list-empty',
    title: 'Campaign list without campaigns',
    purpose: 'The campaign list before any campaign file was loaded.',
    template: 'campaign-list',
    build: (l) => asAttachment(buildCampaignListCard(l, [], { timeZone: SAMPLE_TIME_ZONE })),
  },
  ...WIZARD_SAMPLES,
  ...IDEA_SAMPLES,
  ...IDEA_CHAT_SAMPLES,
  ...LEADER_EXPORT_SAMPLES,
  ...PRIVACY_SAMPLES,
  ...RESULTS_SAMPLES,
  ...RESULTS_VIEW_SAMPLES,
  ...MEASURE_SAMPLES,
  ...LOOP_SAMPLES,
  ...UNIT_SAMPLES,
  ...MENUS_SAMPLES,
  ...PLAN_SAMPLES,
  ...APPROVAL_SAMPLES,
  ...OWN_VIEW_SAMPLES,
  ...COMPOSE_SAMPLES,
];

function firstName(name: string): string {
  return name.split(' ')[0] ?? name;
}

function yourVote(locale: Locale, choices: number[]): string {
  const options = itemIn(locale, MEETING_TOPICS).options;
  return messages(locale).yourVote(choices.map((c) => options[c]).join(', '));
}

function yourIdea(locale: Locale): string {
  const m = messages(locale);
  const idea =
    locale === 'de'
      ? 'Ein Vorab-Check der Unterlagen per Upload, damit niemand wegen eines fehlenden Dokuments zweimal kommen muss.'
      : 'A document check by upload before the appointment, so nobody has to come twice for one missing paper.';
  return `${m.yourIdea(idea)} ${m.anotherIdea}`;
}

function campaigns(locale: Locale) {
  const de = locale === 'de';
  return [
    {
      id: 'jc-zufriedenheit-2026',
      title: de ? 'Zufriedenheit im Jobcenter 2026' : 'Jobcenter satisfaction 2026',
      status: 'running' as const,
      nextPost: new Date('2026-03-16T08:00:00Z'),
    },
    {
      id: 'soz-ideenwerkstatt',
      title: de ? 'Ideenwerkstatt Sozialamt' : 'Social welfare office idea workshop',
      status: 'paused' as const,
    },
    {
      id: 'abh-digitalisierung',
      title: de ? 'Digitalisierung Ausländerbehörde' : 'Immigration office goes digital',
      status: 'scheduled' as const,
      nextPost: new Date('2026-04-01T07:00:00Z'),
    },
    { id: 'einarbeitung-2025', title: de ? 'Einarbeitung 2025' : 'Onboarding 2025', status: 'ended' as const },
  ];
}
