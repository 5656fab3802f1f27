// Preloaded into the bot by test/process-lifecycle.spec.ts (NODE_OPTIONS=--require …), never by the product: on SIGUSR2
// it fails the way MITWIRKEN_TEST_FAULT names, with a storage key in the message that the log must not show.
const fault = process.env.MITWIRKEN_TEST_FAULT;
const message = 'test fault after start: AccountKey=c2VjcmV0LXN0b3JhZ2Uta2V5LW5ldmVyLWxvZ2dlZA==';

process.on('SIGUSR2', () => {
  if (fault === 'rejection') void Promise.reject(new Error(message));
  else if (fault === 'exception')
    process.nextTick(() => {
      throw new Error(message);
    });
});
