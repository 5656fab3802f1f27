import { shorten } from '../core/ideas/idea-status';
import type { Locale } from '../core/locale';
import { MEASURE_LIMITS } from '../core/measures/measure';
import { MEASURE_VERBS } from '../core/measures/measure-actions';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import template from './templates/measure-form.json';
import { expandTemplate, type AdaptiveCard } from './render';
import { noticeView, type CardNotice } from './card-notice';

/** the fields of the measure form that can carry a problem. */
export type MeasureField = 'title' | 'description' | 'ownerId' | 'dueDate' | 'ideaIds';

/** the form of a new measure for a team, filled with what was sent or prefilled, with problems under the fields. */
export interface MeasureFormInput {
  locale: Locale;
  teamId: string;
  teamName: string;
  /** the closed poll or prompt it comes from. */
  item?: { itemId: string; question: string };
  /** the team's members to pick the owner from, by name. */
  owners: { id: string; name: string }[];
  /** ideas that can be linked; `ideaIds` are ticked. */
  ideas: { id: string; text: string }[];
  values: { title: string; description: string; ownerId: string; dueDate: string; ideaIds: string[]; group: boolean };
  /** today, `YYYY-MM-DD`: the earliest target date the date picker offers. */
  today: string;
  errors?: Partial<Record<MeasureField, string>>;
  notice?: CardNotice;
}

/** the form of a new measure: title, what will be done, owner from the roster, target date, ideas, working group. */
export function buildMeasureFormCard(input: MeasureFormInput): AdaptiveCard {
  const m = messages(input.locale);
  const errors = input.errors ?? {};
  const hasErrors = Object.values(errors).some((e) => e !== undefined && e !== '');
  const notice = input.notice ?? (hasErrors ? { kind: 'attention' as const, text: m.measureFormCheck } : undefined);
  return expandTemplate(template, {
    notice: noticeView(notice),
    title: m.measureFormTitle,
    intro: [
      m.measureFormTeam(plainText(input.teamName)),
      ...(input.item ? [m.measureFromItem(plainText(shorten(input.item.question, 200)))] : []),
    ],
    teamPick: null,
    form: {
      titleLabel: m.measureTitleLabel,
      title: input.values.title,
      titleMax: MEASURE_LIMITS.title,
      required: m.errFieldRequired,
      descriptionLabel: m.measureDescriptionLabel,
      description: input.values.description,
      descriptionMax: MEASURE_LIMITS.description,
      ownerLabel: m.measureOwnerLabel,
      ownerId: input.values.ownerId,
      owners: input.owners.map((o) => ({ id: o.id, name: plainText(shorten(o.name, 80)) })),
      dueLabel: m.measureDueLabel,
      dueDate: input.values.dueDate,
      minDate: input.today,
      ideasLabel: m.measureIdeasLabel,
      ideaIds: input.values.ideaIds.join(','),
      ideas: input.ideas.map((i) => ({ id: i.id, title: plainText(shorten(i.text, 150)) })),
      groupLabel: m.measureGroupLabel,
      group: input.values.group ? 'true' : 'false',
      errors: {
        title: errors.title ?? '',
        description: errors.description ?? '',
        ownerId: errors.ownerId ?? '',
        dueDate: errors.dueDate ?? '',
        ideaIds: errors.ideaIds ?? '',
      },
      submit: m.measureCreateButton,
      verb: MEASURE_VERBS.measureCreate,
      data: { teamId: input.teamId, ...(input.item ? { itemId: input.item.itemId } : {}) },
    },
  });
}

/** the first step of `maßnahme neu` for someone who manages several teams: which team the measure is for. */
export function buildMeasureTeamPickCard(
  locale: Locale,
  teams: { teamId: string; name: string }[],
  notice?: CardNotice,
): AdaptiveCard {
  const m = messages(locale);
  return expandTemplate(template, {
    notice: noticeView(notice),
    title: m.measureFormTitle,
    intro: [],
    teamPick: {
      label: m.measurePickTeamLabel,
      required: m.errFieldRequired,
      value: teams[0]?.teamId ?? '',
      teams: teams.map((t) => ({ teamId: t.teamId, name: plainText(t.name) })),
      submit: m.measurePickTeamButton,
      verb: MEASURE_VERBS.measureForm,
      data: {},
    },
    form: null,
  });
}
