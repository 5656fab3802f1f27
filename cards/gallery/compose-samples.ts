import { checkComposeForm, emptyComposeValues, type ComposeValues } from '../../core/compose-form';
import type { Locale } from '../../core/locale';
import { messages } from '../../core/messages';
import { describeProblem } from '../../core/problems';
import { buildComposeFormCard, buildComposeOfferCard } from '../compose-form-card';
import { buildMessageCard } from '../message-card';
import { asAttachment } from '../render';
import type { CardSample } from './card-sample';
import { SAMPLE_TIME_ZONE } from './sample-items';

const NOW = new Date('2026-11-24T09:30:00Z');
const TODAY = '2026-11-24';

/** a form sent with two mistakes: one option only, and a closing time already past. */
function withErrors(locale: Locale) {
  const de = locale === 'de';
  const values: ComposeValues = {
    kind: 'single',
    question: de ? 'Welcher Tag passt für das Teamfrühstück?' : 'Which day suits the team breakfast?',
    options: de ? 'Freitag' : 'Friday',
    anonymous: true,
    closesDate: '2026-11-20',
    closesTime: '12:00',
  };
  const checked = checkComposeForm(values, NOW, SAMPLE_TIME_ZONE);
  const errors = checked.ok
    ? {}
    : Object.fromEntries(Object.entries(checked.errors).map(([f, p]) => [f, describeProblem(locale, p)]));
  return asAttachment(buildComposeFormCard({ locale, values, errors, today: TODAY }));
}

/** the posting form of the message extension and dialog, the offer card, and the refusal inside the dialog. */
export const COMPOSE_SAMPLES: readonly CardSample[] = [
  {
    id: 'compose-form-empty',
    title: 'Posting form (empty)',
    purpose: 'The dialog of the message extension “Umfrage / Ideenabfrage” or of the button on the offer card.',
    template: 'compose-form',
    build: (l) => asAttachment(buildComposeFormCard({ locale: l, values: emptyComposeValues(), today: TODAY })),
  },
  {
    id: 'compose-form-errors',
    title: 'Posting form with problems',
    purpose: 'The same dialog after a submit with mistakes: values kept, each problem under its field.',
    template: 'compose-form',
    build: withErrors,
  },
  {
    id: 'compose-offer',
    title: 'Offer of the posting form',
    purpose: 'What “@Mitwirken umfrage” without a question answers: a button that opens the form as a dialog.',
    template: 'compose-offer',
    build: (l) => asAttachment(buildComposeOfferCard(l, 'single')),
  },
  {
    id: 'compose-not-allowed',
    title: 'Posting form refused',
    purpose: 'Inside the dialog, for someone who may not post in this team: who may, and whom to ask.',
    template: 'welcome',
    build: (l) => {
      const m = messages(l);
      return asAttachment(
        buildMessageCard(m.composeNotAllowedTitle, [m.composeNotAllowedWho(true), m.composeNotAllowedAsk(true)]),
      );
    },
  },
];
