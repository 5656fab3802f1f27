import { VERBS } from '../../core/card-actions';
import { optionsOf } from '../../core/items';
import type { Locale } from '../../core/locale';
import { messages } from '../../core/messages';
import { buildItemCard, type ItemCardInput } from '../item-card';
import { asAttachment, type CardAttachment } from '../render';
import { withUserRefresh } from '../user-refresh';
import type { CardSample } from './card-sample';
import {
  APPOINTMENTS,
  itemIn,
  MEETING_TOPICS,
  SAFETY,
  SAMPLE_MIN_GROUP_SIZE,
  SAMPLE_TIME_ZONE,
  tallyOf,
  WAITING_TIMES,
  type SampleItem,
} from './sample-items';

/** a person's own view of an item card, as the refresh verb answers it (with the refresh, so Teams keeps asking). */
function ownView(
  locale: Locale,
  sample: SampleItem,
  state: Omit<ItemCardInput, 'item' | 'locale' | 'minGroupSize' | 'timeZone'>,
  over: Partial<SampleItem> = {},
): CardAttachment {
  const item = itemIn(locale, { ...sample, ...over });
  const card = buildItemCard({
    item,
    locale,
    minGroupSize: SAMPLE_MIN_GROUP_SIZE,
    timeZone: SAMPLE_TIME_ZONE,
    ...state,
  });
  return asAttachment(withUserRefresh(card, { verb: VERBS.refresh, data: { itemId: item.id } }, []));
}

const good = (text: string) => ({ kind: 'good' as const, text });

/** the options a person chose, as their own view names them. */
const chosen = (locale: Locale, sample: SampleItem, choices: number[]) =>
  choices.map((c) => optionsOf(itemIn(locale, sample))[c]).join(', ');

/** the per-person views of poll and idea prompt cards. */
export const OWN_VIEW_SAMPLES: readonly CardSample[] = [
  {
    id: 'own-view-poll',
    title: 'Own view of a poll',
    purpose: 'What a voter sees when Teams refreshes the shared card for them: their vote on top.',
    template: 'item',
    build: (l) => {
      const tally = tallyOf([4, 7, 3, 1]);
      return ownView(l, APPOINTMENTS, {
        tally,
        participants: tally.voters,
        ownChoices: [1],
        notice: good(messages(l).ownVote(chosen(l, APPOINTMENTS, [1]))),
      });
    },
  },
  {
    id: 'own-view-multi',
    title: 'Own view of a multiple-choice poll',
    purpose: 'A multiple-choice poll with the person’s choices preselected, so they can change them.',
    template: 'item',
    build: (l) => {
      const tally = tallyOf([3, 1, 3, 0, 2], 4);
      return ownView(l, MEETING_TOPICS, {
        tally,
        participants: tally.voters,
        ownChoices: [0, 2],
        notice: good(messages(l).ownVote(chosen(l, MEETING_TOPICS, [0, 2]))),
      });
    },
  },
  {
    id: 'own-view-anonymous',
    title: 'Own view of an open anonymous poll',
    purpose: 'An anonymous poll tells a voter only that they voted, never what (it keeps no link to their choice).',
    template: 'item',
    build: (l) => {
      const tally = tallyOf([5, 3, 1]);
      return ownView(l, SAFETY, { tally, participants: tally.voters, notice: good(messages(l).ownAnonymousVoted) });
    },
  },
  {
    id: 'own-view-leader',
    title: 'A leader’s own view of an open poll',
    purpose: 'Leaders of the team and admins find “Schließen” in the card’s overflow menu of their own view.',
    template: 'item',
    build: (l) => {
      const tally = tallyOf([4, 7, 3, 1]);
      return ownView(l, APPOINTMENTS, { tally, participants: tally.voters, viewer: { canClose: true } });
    },
  },
  {
    id: 'own-view-prompt',
    title: 'Own view of an idea prompt',
    purpose: 'An idea prompt tells the person how many ideas they sent; “Ideen ansehen” opens the prompt’s ideas.',
    template: 'item',
    build: (l) => ownView(l, WAITING_TIMES, { ideaCount: 9, participants: 6, notice: good(messages(l).ownIdeas(2)) }),
  },
];
