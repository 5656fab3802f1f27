import { councilMaySee } from './audit-scope';

describe('councilMaySee', () => {
  test.each([
    'campaign.create',
    'campaign.approve',
    'campaign.changes-requested',
    'campaign.review',
    'campaigns.reload',
    'item.post',
    'item.review',
    'results.post',
    'export.download',
    'admin.grant',
    'leader.sync',
    'council.revoke',
  ])('shows the council %s', (action) => expect(councilMaySee(action)).toBe(true));

  test.each(['idea.status', 'measure.create', 'privacy.erase', 'privacy.export', 'campaignx', ''])(
    'keeps %p from the council',
    (action) => expect(councilMaySee(action)).toBe(false),
  );
});
