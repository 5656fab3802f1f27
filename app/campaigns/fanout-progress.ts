import type { Logger } from 'pino';
import { buildFanoutProgressCard } from '../../cards/fanout-progress-card';
import { asAttachment } from '../../cards/render';
import type { PersonRecord } from '../../core/installations';
import { resolveLocale, type Locale } from '../../core/locale';
import type { FanoutProgress, FanoutStart, FanoutState } from './campaign-scheduler';
import type { TeamsPoster } from '../ports/teams';

/** what progress reporting needs: the poster, who to tell, and how often to update. */
export interface FanoutProgressOptions {
  poster: Pick<TeamsPoster, 'send' | 'updateCard'>;
  /** a person's stored personal chat (storage.installations.getPerson). */
  getPerson(aadObjectId: string): Promise<PersonRecord | undefined>;
  /** told when the campaign has no creator in chat (a campaign file). */
  adminIds: readonly string[];
  defaultLocale: Locale;
  log: Logger;
  /** at most one card update per this many ms while posting (default 3 s). */
  intervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

interface Recipient {
  person: PersonRecord;
  locale: Locale;
  activityId?: string;
}

/** the campaign's creator when made in chat, otherwise the configured admins; only people with an active personal chat. */
async function recipientsOf(o: FanoutProgressOptions, start: FanoutStart): Promise<Recipient[]> {
  const ids = start.campaign.source.startsWith('chat:') ? [start.campaign.createdBy] : [...o.adminIds];
  const people = await Promise.all([...new Set(ids)].map((id) => o.getPerson(id)));
  return people
    .filter((p): p is PersonRecord => Boolean(p?.active))
    .map((person) => ({ person, locale: resolveLocale(person.locale, o.defaultLocale) }));
}

/**
 * reports one fan-out in the admins' personal chats: a card sent at the start, updated in place at most every
 * `intervalMs` ("37 von 120 Kanälen gepostet"), then replaced by the summary naming the channels not reached.
 */
export function startFanoutProgress(o: FanoutProgressOptions, start: FanoutStart): FanoutProgress {
  const intervalMs = o.intervalMs ?? 3000;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref()));
  const log = o.log.child({ campaignId: start.campaign.id, campaignItemId: start.item.id, slot: start.slot.key });
  let latest: FanoutState = { total: start.total, posted: 0, failures: [] };
  let timerSet = false;
  let finished = false;
  let flushing: Promise<void> = Promise.resolve();

  const card = (r: Recipient, state: FanoutState, done: boolean) =>
    asAttachment(
      buildFanoutProgressCard(r.locale, {
        campaignTitle: start.campaign.title,
        question: start.item.question,
        ...state,
        done,
      }),
    );
  const ready = recipientsOf(o, start)
    .then((recipients) =>
      Promise.all(
        recipients.map(async (r) => {
          r.activityId = await o.poster.send(
            r.person.reference,
            r.person.reference.conversation.id,
            card(r, latest, false),
          );
          return r;
        }),
      ),
    )
    .catch((err: unknown) => {
      log.warn({ err }, 'fan-out progress card not sent');
      return [] as Recipient[];
    });
  /** shows `state` to every recipient: in place when the first card went out, else as a new message. */
  const show = async (state: FanoutState, done: boolean) => {
    for (const r of await ready) {
      const attachment = card(r, state, done);
      const conversationId = r.person.reference.conversation.id;
      try {
        if (r.activityId) await o.poster.updateCard(r.person.reference, conversationId, r.activityId, attachment);
        else if (done) await o.poster.send(r.person.reference, conversationId, attachment);
      } catch (err) {
        log.warn({ err, aadObjectId: r.person.aadObjectId }, 'fan-out progress card not updated');
      }
    }
  };

  return {
    update(state) {
      latest = state;
      if (timerSet || finished) return;
      timerSet = true;
      void sleep(intervalMs).then(() => {
        timerSet = false;
        if (finished) return;
        flushing = flushing.then(() => show(latest, false));
      });
    },
    async finish(state) {
      finished = true;
      latest = state;
      // a progress update already under way lands first, so the summary is the last word.
      await flushing;
      await show(state, true);
      log.info({ total: state.total, posted: state.posted, failures: state.failures.length }, 'fan-out finished');
    },
  };
}
