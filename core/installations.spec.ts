import { channelKindOf, channelOfConversation, hasOwnMembers, threadLink } from './installations';

describe('channels and threads', () => {
  test('a channel kind is read from what Teams sends, in any case, and nothing else', () => {
    expect(['standard', 'Private', 'SHARED', 'other', undefined, 3].map(channelKindOf)).toEqual([
      'standard',
      'private',
      'shared',
      undefined,
      undefined,
      undefined,
    ]);
  });

  test("General and standard channels have the team's members; private, shared and unknown ones their own", () => {
    const ch = (channelId: string, kind?: 'standard' | 'private' | 'shared') => ({
      teamId: 't',
      channelId,
      ...(kind && { kind }),
    });
    expect([ch('t'), ch('c', 'standard'), ch('c', 'private'), ch('c', 'shared'), ch('c')].map(hasOwnMembers)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  test('a thread link opens the post in its channel; a conversation that is no thread has none', () => {
    const url = threadLink({
      conversationId: '19:abc@thread.tacv2;messageid=1700000000000',
      tenantId: 'tn',
      groupId: 'g',
      teamName: 'Team A',
    });
    expect(url).toBe(
      'https://teams.microsoft.com/l/message/19%3Aabc%40thread.tacv2/1700000000000?tenantId=tn&groupId=g&parentMessageId=1700000000000&teamName=Team+A&createdTime=1700000000000',
    );
    expect(threadLink({ conversationId: '19:abc@thread.tacv2' })).toBeUndefined();
    expect(channelOfConversation('19:abc@thread.tacv2;messageid=1')).toBe('19:abc@thread.tacv2');
  });
});
