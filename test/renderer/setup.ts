import { configure } from '@testing-library/react';

/**
 * findBy… and waitFor poll until the app shows what the test waits for. Their default of one second is
 * a real-time limit that a busy 2-core machine overruns while the real main process answers; the wait
 * still ends as soon as the screen is right, so headroom costs nothing when the machine is idle.
 */
configure({ asyncUtilTimeout: 10_000 });
