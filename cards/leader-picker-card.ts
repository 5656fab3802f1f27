import { VERBS } from '../core/card-actions';
import type { LeaderPickOp } from '../core/leader-pick';
import type { Locale } from '../core/locale';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import template from './templates/leader-picker.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** a choice on the picker: a team or a person. */
export interface PickerChoice {
  value: string;
  title: string;
}

/** at most this many people are offered; more would make the card slow and large. */
export const LEADER_PICKER_MAX_MEMBERS = 100;

export interface LeaderPickerInput {
  op: LeaderPickOp;
  teams: PickerChoice[];
  members: PickerChoice[];
  /** preselected values, e.g. the only team or the one person a name matched. */
  teamValue?: string;
  memberValue?: string;
  /** a refusal shown on top (e.g. the person is not a member of the chosen team). */
  notice?: string;
}

/**
 * asks an admin, in the personal chat, for the team and the person of a leader assignment (or of one to remove);
 * the handler checks the pair against the team's roster (add) or its leaders (remove).
 */
export function buildLeaderPickerCard(locale: Locale, input: LeaderPickerInput): AdaptiveCard {
  const m = messages(locale);
  const members = input.members.slice(0, LEADER_PICKER_MAX_MEMBERS);
  return expandTemplate(template, {
    title: input.op === 'add' ? m.leaderPickAddTitle : m.leaderPickRemoveTitle,
    notice: plainText(input.notice ?? ''),
    hint: m.leaderPickHint,
    teamLabel: m.leaderPickTeam,
    teamValue: input.teamValue ?? (input.teams.length === 1 ? input.teams[0]!.value : ''),
    teams: input.teams,
    memberLabel: m.leaderPickMember,
    memberValue: input.memberValue ?? (members.length === 1 ? members[0]!.value : ''),
    members,
    more: input.members.length > members.length ? m.leaderPickMore(members.length, input.members.length) : '',
    submitTitle: input.op === 'add' ? m.leaderPickAdd : m.leaderPickRemove,
    submitStyle: input.op === 'add' ? 'positive' : 'destructive',
    verb: VERBS.leaderPick,
    payload: { op: input.op },
  });
}
