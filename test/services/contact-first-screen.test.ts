import { describe, expect, it } from 'vitest';
import { contactPage, firstScreen } from '../../main/services/contact-pages';
import { useApps } from './follow-up-kit';

const apps = useApps();

/**
 * contacts.firstScreen and contacts.page order and count rows built without their next reminder and
 * unread count, and complete only the rows they return: the answer must be the one cut from the full list.
 */
describe('the first screen and the pages', () => {
  it('equal the cut of the full contact list, rows, order and counts', async () => {
    const { app } = await apps.start();
    const rows = await app.handlers.contacts.list();
    expect(rows.length).toBeGreaterThan(10);
    // Something to complete: an unread count and a reminder on some rows.
    expect(rows.some((row) => row.nextReminder !== null)).toBe(true);
    for (const limit of [1, 5, 200]) {
      expect(await app.handlers.contacts.firstScreen({ limit })).toEqual(firstScreen(rows, limit));
    }
    let after: string | null = null;
    do {
      const page = await app.handlers.contacts.page({ after, limit: 7 });
      expect(page).toEqual(contactPage(rows, { after, limit: 7 }));
      after = page.next;
    } while (after !== null);
  });
});
