import type { IdeaStatus } from '../ideas/idea-status';
import { statusLabel } from '../ideas/idea-status';
import { formatDateTime, type Locale } from '../locale';
import { messages } from '../messages';
import { plainText } from '../plain-text';
import type { MeasureStatus } from '../measures/measure';

/** everything stored with a person's name or id, gathered for `meine daten` (anonymous answers are never in it). */
export interface MyData {
  person: { id: string; name?: string };
  /** RETENTION_DAYS, for the explanation. */
  retentionDays: number;
  votes: Array<{ itemId: string; question: string; teamName?: string; choices: string[]; at: Date }>;
  ideas: Array<{
    ideaId: string;
    text: string;
    status: IdeaStatus;
    teamName?: string;
    question?: string;
    createdAt: Date;
  }>;
  supports: Array<{ ideaId: string; text: string }>;
  volunteering: Array<{ ideaId: string; text: string }>;
  roles: Array<{
    role: 'admin' | 'leader' | 'unitLeader' | 'configuredAdmin' | 'council';
    teamName?: string;
    unitName?: string;
    /** for a staff council grant from the organisation file: the file's name. */
    file?: string;
    grantedAt?: Date;
  }>;
  /**
   * the staff council: the person's decisions as a member (official acts, kept on erasure) and the versions they sent
   * for approval as an admin.
   */
  council?: {
    decisions: Array<{ subject: ApprovalSubjectRef; decision: 'approve' | 'changes'; comment?: string; at: Date }>;
    requests: Array<{ subject: ApprovalSubjectRef; at: Date }>;
  };
  /** measures the person owns (their name is on them). */
  measures?: Array<{ measureId: string; title: string; teamName?: string; status: MeasureStatus; dueDate: string }>;
  /** progress notes the person wrote on measures. */
  measureNotes?: Array<{ measureId: string; title?: string; text: string; at: Date }>;
  personalChat?: { name: string; locale?: string; active: boolean; updatedAt: Date };
}

/** what an approval was about: a campaign (its title) or a held ad-hoc item (its question). */
export interface ApprovalSubjectRef {
  kind: 'campaign' | 'item';
  id: string;
  title: string;
}

/** one section of the "meine daten" card: a heading and its lines (shortened, people’s texts shown as typed; the export has everything). */
export interface MyDataSection {
  title: string;
  lines: string[];
}

/** a person's text for a line of the card: shortened, then shown as typed (plainText). */
const shortened = (text: string, max = 120): string =>
  plainText(text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** the sections of the card, German or English; each lists at most `limit` lines and says how many more there are. */
export function myDataSections(data: MyData, locale: Locale, timeZone: string, limit = 5): MyDataSection[] {
  const m = messages(locale);
  const list = (lines: string[]): string[] => {
    if (lines.length === 0) return [m.myDataNothing];
    return lines.length > limit ? [...lines.slice(0, limit), m.myDataMore(lines.length - limit)] : lines;
  };
  const roleLine = (r: MyData['roles'][number]): string =>
    r.role === 'leader'
      ? m.myDataRoleLeader(plainText(r.teamName ?? '?'))
      : r.role === 'unitLeader'
        ? m.myDataRoleUnitLeader(plainText(r.unitName ?? '?'))
        : r.role === 'admin'
          ? m.myDataRoleAdmin
          : r.role === 'council'
            ? r.file
              ? m.myDataRoleCouncilFile(plainText(r.file))
              : m.myDataRoleCouncil
            : m.myDataRoleConfigured;
  const subject = (x: ApprovalSubjectRef) =>
    x.kind === 'campaign'
      ? m.myDataCampaignSubject(shortened(x.title, 60))
      : m.myDataItemSubject(shortened(x.title, 60));
  const when = (at: Date) => formatDateTime(locale, at, timeZone);
  const council = data.council ?? { decisions: [], requests: [] };
  const councilLines = [
    ...council.decisions.map((d) =>
      d.decision === 'approve'
        ? m.myDataDecisionApproved(subject(d.subject), when(d.at))
        : m.myDataDecisionChanges(subject(d.subject), when(d.at), shortened(d.comment ?? '', 80)),
    ),
    ...council.requests.map((r) => m.myDataRequestLine(subject(r.subject), when(r.at))),
  ];
  return [
    {
      title: m.myDataVotes,
      lines: list(
        data.votes.map((v) => m.myDataVoteLine(shortened(v.question, 80), v.choices.map(plainText).join(', '))),
      ),
    },
    {
      title: m.myDataIdeas,
      lines: list(data.ideas.map((i) => `${shortened(i.text)} (${statusLabel(locale, i.status)})`)),
    },
    { title: m.myDataSupports, lines: list(data.supports.map((s) => shortened(s.text))) },
    { title: m.myDataVolunteering, lines: list(data.volunteering.map((s) => shortened(s.text))) },
    { title: m.myDataRoles, lines: list(data.roles.map(roleLine)) },
    {
      title: m.myDataMeasures,
      lines: list([
        ...(data.measures ?? []).map((x) =>
          m.myDataMeasureLine(shortened(x.title, 80), m.measureStatusLabels[x.status], x.dueDate),
        ),
        ...(data.measureNotes ?? []).map((n) =>
          m.myDataMeasureNoteLine(shortened(n.title ?? '', 60), shortened(n.text, 80)),
        ),
      ]),
    },
    // shown only to those who have council records: the explanation of what erasure keeps comes with them.
    ...(councilLines.length > 0
      ? [{ title: m.myDataCouncil, lines: [...list(councilLines), m.myDataCouncilKept] }]
      : []),
    {
      title: m.myDataChat,
      lines: list(
        data.personalChat
          ? [
              m.myDataChatLine(
                plainText(data.personalChat.name),
                formatDateTime(locale, data.personalChat.updatedAt, timeZone),
              ),
            ]
          : [],
      ),
    },
  ];
}

/**
 * the export document (JSON, art. 15 and 20 GDPR): every record with its fields, plus what is not included
 * and why, in German and English. Dates are ISO 8601 (UTC).
 */
export function myDataDocument(data: MyData, generatedAt: Date): Record<string, unknown> {
  const de = messages('de');
  const en = messages('en');
  return {
    format: 'mitwirken-my-data/1',
    generatedAt: generatedAt.toISOString(),
    person: data.person,
    about: { de: de.myDataIntro, en: en.myDataIntro },
    retention: {
      days: data.retentionDays,
      de: de.myDataRetention(data.retentionDays),
      en: en.myDataRetention(data.retentionDays),
    },
    votes: data.votes.map((v) => ({ ...v, at: v.at.toISOString() })),
    ideas: data.ideas.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })),
    supports: data.supports,
    volunteering: data.volunteering,
    roles: data.roles.map((r) => ({ ...r, ...(r.grantedAt && { grantedAt: r.grantedAt.toISOString() }) })),
    measures: data.measures ?? [],
    measureNotes: (data.measureNotes ?? []).map((n) => ({ ...n, at: n.at.toISOString() })),
    council: {
      decisions: (data.council?.decisions ?? []).map((d) => ({ ...d, at: d.at.toISOString() })),
      requests: (data.council?.requests ?? []).map((r) => ({ ...r, at: r.at.toISOString() })),
      kept: { de: de.myDataCouncilKept, en: en.myDataCouncilKept },
    },
    personalChat: data.personalChat
      ? { ...data.personalChat, updatedAt: data.personalChat.updatedAt.toISOString() }
      : null,
  };
}
