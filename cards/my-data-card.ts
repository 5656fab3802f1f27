import { VERBS, type MyDataPayload } from '../core/card-actions';
import type { Locale } from '../core/locale';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import { myDataSections, type MyData } from '../core/privacy/my-data';
import template from './templates/my-data.json';
import type { CardNotice } from './item-card';
import { expandTemplate, type AdaptiveCard } from './render';

const button = (title: string, payload: MyDataPayload, style: 'default' | 'positive' | 'destructive' = 'default') => ({
  title,
  verb: VERBS.myData,
  payload,
  style,
});
const noticeOf = (notice?: CardNotice) =>
  notice ? { text: plainText(notice.text), color: notice.kind === 'good' ? 'Good' : 'Attention' } : null;

/**
 * "Meine Daten": everything stored with the person's name or id, section by section (the export has it all),
 * with Export and Erase buttons; after an export, a download button for the short-lived link.
 */
export function buildMyDataCard(
  locale: Locale,
  data: MyData,
  options: { timeZone: string; notice?: CardNotice; download?: { url: string } },
): AdaptiveCard {
  const m = messages(locale);
  return expandTemplate(template, {
    title: m.myDataTitle,
    notice: noticeOf(options.notice),
    intro: m.myDataIntro,
    sections: myDataSections(data, locale, options.timeZone),
    footnote: m.myDataRetention(data.retentionDays),
    buttons: [button(m.myDataExport, { step: 'export' }), button(m.myDataErase, { step: 'eraseAsk' }, 'destructive')],
    download: options.download ? { title: m.myDataDownload, url: options.download.url } : null,
  });
}

/** the confirmation step of erasure: what goes and what stays, then "erase for good" or "cancel". */
export function buildEraseConfirmCard(locale: Locale, issuedAt: Date): AdaptiveCard {
  const m = messages(locale);
  return expandTemplate(template, {
    title: m.myDataEraseTitle,
    notice: null,
    intro: m.myDataEraseText,
    sections: [],
    footnote: '',
    buttons: [
      button(m.myDataEraseConfirm, { step: 'eraseConfirm', issuedAt: issuedAt.toISOString() }, 'destructive'),
      button(m.myDataEraseCancel, { step: 'cancel' }),
    ],
    download: null,
  });
}
