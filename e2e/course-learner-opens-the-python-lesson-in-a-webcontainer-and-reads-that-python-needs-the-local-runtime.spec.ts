/**
 * A learner on the WebContainer runtime opens the Python lesson and reads, before pressing Run,
 * that Python needs the local runtime — and why (a WebContainer's python3 cannot listen on a
 * port). The notice depends only on the runtime chosen, so it shows even where the sandbox
 * cannot boot (these machines have no internet); on the local runtime it does not show.
 */
import { expect, test } from '@playwright/test';
import { withSecret } from './login.ts';

const notice = (page: import('@playwright/test').Page) => page.getByRole('note', { name: 'Runtime notice' });

test('learner on a WebContainer reads before Run that the Python lesson needs the local runtime', async ({ page }) => {
  await page.goto(withSecret('/?runtime=webcontainer&bootTimeout=1500#/any-language'));
  await expect(page.getByText('Runtime: WebContainer')).toBeVisible();
  await expect(notice(page)).toContainText('Python needs the local runtime');
  await expect(notice(page)).toContainText('cannot listen on a port');

  await page.goto('/?runtime=local#/any-language'); // the session cookie from the first visit lets it in
  await expect(page.getByText('Runtime: local')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await expect(notice(page)).toHaveCount(0);
});
