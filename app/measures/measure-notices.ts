import { shorten, QUOTE_MAX } from '../../core/ideas/idea-status';
import type { PersonRecord } from '../../core/installations';
import { resolveLocale, type Locale } from '../../core/locale';
import { ideaStatusFor, type Measure } from '../../core/measures/measure';
import { formatDay } from '../../core/measures/measure-board';
import { messages } from '../../core/messages';
import { plainText } from '../../core/plain-text';
import { tellPerson } from '../ideas';
import type { MeasuresPorts } from './ports';

/** what followed a measure's creation or status change: its ideas' statuses and who was told. */
export interface MeasureDelivery {
  /** linked ideas whose status changed with the measure. */
  ideasFollowed: number;
  /** named authors told in a 1:1 chat. */
  authorsTold: number;
  /** named authors who could not be reached. */
  authorsUnreachable: number;
  /** supporters and volunteers of named ideas with a personal chat, told in the background. */
  backersTold: number;
  /** linked anonymous ideas: their authors are unknown and never told. */
  anonymousIdeas: number;
}

/** what happened to the measure, for the notice. */
export type MeasureEvent = { kind: 'created' } | { kind: 'status' };

/** the 1:1 notice about an idea behind a measure, in one language. */
function noticeText(locale: Locale, measure: Measure, ideaText: string, event: MeasureEvent, own: boolean): string {
  const m = messages(locale);
  const quote = plainText(shorten(ideaText, QUOTE_MAX));
  const title = plainText(measure.title);
  const what =
    event.kind === 'created'
      ? m.measureNoticeCreated(title, plainText(measure.ownerName), formatDay(locale, measure.dueDate))
      : m.measureNoticeStatus(title, m.measureStatusLabels[measure.status]);
  return [
    own ? m.measureNoticeYourIdea(quote) : m.measureNoticeBackedIdea(quote),
    what,
    ...(measure.statusReason ? [m.measureReason(plainText(measure.statusReason))] : []),
    m.measureNoticeMyIdeas,
  ].join('\n\n');
}

/**
 * the measure's ideas follow its status (core/measures `ideaStatusFor`, recorded in each idea's history with the
 * measure's title as note), and people are told in a 1:1 chat: the named author of each idea (anonymous authors are
 * unknown and never told) and, in the background, the supporters and volunteers of named ideas who have a personal
 * chat with the bot. Nobody is told twice, and the person acting is not told at all.
 */
export async function followAndTell(
  s: MeasuresPorts,
  measure: Measure,
  event: MeasureEvent,
  actorId: string,
): Promise<MeasureDelivery> {
  const delivery: MeasureDelivery = {
    ideasFollowed: 0,
    authorsTold: 0,
    authorsUnreachable: 0,
    backersTold: 0,
    anonymousIdeas: 0,
  };
  const team = await s.storage.installations.getTeam(measure.teamId);
  const fallback = s.config.defaultLocale;
  const target = ideaStatusFor(measure.status);
  const told = new Set<string>([actorId]);
  const backers: { personId: string; ideaText: string }[] = [];
  const at = s.now();
  for (const ideaId of measure.ideaIds) {
    const idea = await s.storage.ideas.get(ideaId);
    if (!idea || idea.teamId !== measure.teamId) continue;
    if (idea.status !== target) {
      await s.storage.ideas.setStatus(ideaId, {
        status: target,
        note: messages(fallback).measureIdeaNote(measure.title),
        by: actorId,
        at,
      });
      delivery.ideasFollowed++;
    }
    if (idea.anonymous || !idea.authorId) {
      delivery.anonymousIdeas++;
      continue;
    }
    if (!told.has(idea.authorId)) {
      told.add(idea.authorId);
      const reached = await tellPerson(
        s,
        team,
        idea.authorId,
        (l) => noticeText(l, measure, idea.text, event, true),
        fallback,
      );
      if (reached) delivery.authorsTold++;
      else delivery.authorsUnreachable++;
    }
    const [supporters, volunteers] = await Promise.all([
      s.storage.ideas.supportersOf(ideaId),
      s.storage.ideas.volunteersOf(ideaId),
    ]);
    for (const b of [...supporters, ...volunteers]) {
      if (told.has(b.id)) continue;
      told.add(b.id);
      backers.push({ personId: b.id, ideaText: idea.text });
    }
  }
  const reachable = (
    await Promise.all(backers.map(async (b) => ({ ...b, person: await s.storage.installations.getPerson(b.personId) })))
  ).filter((b): b is typeof b & { person: PersonRecord } => b.person?.active === true);
  delivery.backersTold = reachable.length;
  void Promise.all(
    reachable.map(({ person, ideaText }) =>
      s.poster
        .send(
          person.reference,
          person.reference.conversation.id,
          noticeText(resolveLocale(person.locale, fallback), measure, ideaText, event, false),
        )
        .catch((err: unknown) => {
          s.log.warn({ err, measureId: measure.measureId, personId: person.aadObjectId }, 'measure notice failed');
        }),
    ),
  );
  s.log.info({ measureId: measure.measureId, status: measure.status, ...delivery }, 'measure progress announced');
  return delivery;
}

/** the lines on the leader's card that say what followed and who was told. */
export function deliveryLines(locale: Locale, measure: Measure, d: MeasureDelivery): string[] {
  const m = messages(locale);
  return [
    ...(d.ideasFollowed > 0
      ? [m.measureIdeasFollow(d.ideasFollowed, m.ideaStatusLabels[ideaStatusFor(measure.status)])]
      : []),
    ...(d.authorsTold > 0 ? [m.measureToldAuthors(d.authorsTold)] : []),
    ...(d.authorsUnreachable > 0 ? [m.measureAuthorsUnreachable(d.authorsUnreachable)] : []),
    ...(d.backersTold > 0 ? [m.measureToldBackers(d.backersTold)] : []),
    ...(d.anonymousIdeas > 0 ? [m.measureAnonymousIdeas(d.anonymousIdeas)] : []),
  ];
}
