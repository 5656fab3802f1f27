import type { Campaign } from './campaign';
import { campaignPlan } from './campaign-plan';
import { escapeHtml, planDocument } from './plan-document';

const campaign: Campaign = {
  id: 'gute-arbeit',
  title: 'Gute <Arbeit> & "Puls"',
  description: '<script>alert(1)</script> Zweck',
  targets: { kind: 'all' },
  channel: 'General',
  timeZone: 'Europe/Berlin',
  status: 'draft',
  items: [
    {
      id: 'puls',
      type: 'poll',
      question: "Was ist <b>wichtig</b>? 'A' & B",
      options: ['<img src=x onerror=alert(1)>', 'zwei'],
      multiple: false,
      anonymous: true,
      schedule: { start: '2027-01-11T09:00', every: 'P1W', until: '2027-03-30' },
      openFor: 'P5D',
    },
  ],
};
const context = { minGroupSize: 5, minGroupSizeText: 10, retentionDays: 365 };
const meta = { campaignId: 'gute-arbeit', status: 'Entwurf', madeAt: '07.12.2026, 10:15' };

describe('the plan as a printable document', () => {
  const html = planDocument(campaignPlan(campaign, 'de', context), 'de', meta);

  test('should be a German HTML document with every heading and line of the plan', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="de">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    for (const section of campaignPlan(campaign, 'de', context).sections) {
      expect(html).toContain(`<h2>${escapeHtml(section.heading)}</h2>`);
      for (const line of section.lines) expect(html).toContain(`<li>${escapeHtml(line)}</li>`);
    }
    expect(html).toContain('<li>Wann: jeden Montag um 9:00 Uhr, vom 11.01. bis 30.03.2027, jeweils 5 Tage offen</li>');
    expect(html).toContain('<p class="meta">Kampagne gute-arbeit · Status: Entwurf</p>');
    expect(html).toContain('<p>Erstellt am 07.12.2026, 10:15.</p>');
  });

  test('should escape every text people wrote, so nothing of it becomes markup', () => {
    expect(html).toContain('<h1>Gute &lt;Arbeit&gt; &amp; &quot;Puls&quot;</h1>');
    expect(html).toContain('<li>&lt;script&gt;alert(1)&lt;/script&gt; Zweck</li>');
    expect(html).toContain('„Was ist &lt;b&gt;wichtig&lt;/b&gt;? &#39;A&#39; &amp; B“');
    expect(html).not.toMatch(/<script|<img|<b>/);
  });

  test('should load nothing from elsewhere and carry print rules', () => {
    expect(html).not.toMatch(/https?:\/\/|<link|<script|<img|<iframe|url\(|@import/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('@media print');
  });

  test('should be English for an English reader', () => {
    const en = planDocument(campaignPlan(campaign, 'en', context), 'en', { ...meta, status: 'draft' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h2>Who sees which results</h2>');
    expect(en).toContain('<p class="meta">Campaign gute-arbeit · status: draft</p>');
  });
});
