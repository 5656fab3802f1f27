import { buildMessageCard } from '../../cards/message-card';
import type { PrivacyPorts } from './ports';
import { buildEraseConfirmCard, buildMyDataCard } from '../../cards/my-data-card';
import { asAttachment } from '../../cards/render';
import { VERBS } from '../../core/card-actions';
import { messages } from '../../core/messages';
import { fail, ok } from '../../core/problems';
import { eraseMyData, gatherMyData } from './personal-data';
import type { ActionHandler } from '../ports/turn';

/** a confirmation of erasure is accepted this long after the confirmation card was shown. */
export const ERASE_CONFIRM_MS = 15 * 60_000;

/**
 * the buttons of the "meine daten" card. The person is always the one in the activity (never card data), and
 * only in the personal chat: export makes a short-lived download link, erase asks first, the confirmation
 * (shown less than 15 minutes ago) erases, cancel shows the data again.
 */
export const myDataAction: ActionHandler<typeof VERBS.myData, PrivacyPorts> = async (turn, payload) => {
  const { s, facts } = turn;
  if (!facts.isPersonal) return fail('errPersonalChatOnly');
  const personId = facts.aadObjectId;
  if (!personId) return fail('errNoIdentity');
  const m = messages(facts.locale);
  const pseudonym = s.storage.personalData.erasurePseudonym(personId);
  const overview = async (notice?: { kind: 'good' | 'attention'; text: string }, download?: { url: string }) =>
    asAttachment(
      buildMyDataCard(facts.locale, await gatherMyData(s, personId, facts.userName), {
        timeZone: s.config.timeZone,
        notice,
        download,
      }),
    );

  switch (payload.step) {
    case 'export': {
      const url = s.myDataLinks.link({ personId, locale: facts.locale });
      if (!url) return fail('errMyDataExportNotConfigured');
      await s.storage.audit.record({ actorId: pseudonym, action: 'privacy.export', at: s.now() });
      s.log.info({ person: pseudonym }, 'personal data export link made');
      return ok(await overview({ kind: 'good', text: m.myDataExportReady(s.myDataLinks.minutes) }, { url }));
    }
    case 'eraseAsk':
      return ok(asAttachment(buildEraseConfirmCard(facts.locale, s.now())));
    case 'cancel':
      return ok(await overview({ kind: 'good', text: m.myDataCancelled }));
    case 'eraseConfirm': {
      const age = s.now().getTime() - Date.parse(payload.issuedAt ?? '');
      if (!(age >= -60_000 && age <= ERASE_CONFIRM_MS)) return fail('errEraseExpired');
      const done = await eraseMyData(s, personId, facts.userName);
      return ok(
        asAttachment(
          buildMessageCard(m.myDataTitle, [
            m.myDataErased(done.votes, done.ideas, done.supports, done.volunteering, done.roles),
          ]),
        ),
      );
    }
  }
};
