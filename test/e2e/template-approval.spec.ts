import { statusWebhook } from '../support/fake-graph-templates';
import { postWebhook } from '../support/webhook-client';
import { APP_SECRET, connectCloudApi, graphTest as test } from './account-steps';
import { expect, screenshotPath } from './fixtures';

/**
 * From the app to approval: a real account connected against the fake Graph API (as connect.spec.ts
 * does), a template written in the form, submitted (POST /{waba-id}/message_templates), then WhatsApp's
 * `message_template_status_update` webhook approves it: the table says so and the owner is notified.
 */
test('a template written in the app is submitted, approved by WhatsApp, and the owner is told', async ({
  app,
  host,
  graph,
}) => {
  const connect = await connectCloudApi(app, graph);
  await connect.getByRole('button', { name: 'Done' }).click();

  await app.getByRole('button', { name: 'Templates' }).click();
  const screen = app.getByRole('region', { name: 'Templates' });
  await screen.getByRole('button', { name: 'New template for approval' }).click();
  const form = screen.getByRole('form', { name: 'New template for approval' });
  await form.getByRole('textbox', { name: 'Name' }).fill('order_ready');
  await form.getByRole('textbox', { name: 'Text' }).fill('{{first_name}}, your order is ready.');
  await form.getByRole('button', { name: 'Submit for approval' }).click();
  // The rule speaks at its field before anything reaches WhatsApp.
  await expect(form.getByText(/cannot start with a placeholder/)).toBeVisible();
  expect(graph.templates.created).toEqual([]);

  await form
    .getByRole('textbox', { name: 'Text' })
    .fill('Hi {{first_name}}, your order {{order_id}} is ready for pickup.');
  await form.getByRole('textbox', { name: 'Example for {{first_name}}' }).fill('Ann');
  await form.getByRole('textbox', { name: 'Example for {{order_id}}' }).fill('A-1042');
  await form.getByRole('combobox', { name: 'Fill {{order_id}} with' }).selectOption('Fixed text');
  await form.getByRole('textbox', { name: 'Fixed text for {{order_id}}' }).fill('your order');
  await form.getByRole('textbox', { name: 'Footer (optional)' }).fill('Bloemen Sanne');
  await form.getByRole('button', { name: 'Add quick reply button' }).click();
  await form.getByRole('textbox', { name: 'Label' }).fill('Thanks!');
  const preview = form.getByRole('figure', { name: 'Preview of the new template' });
  await expect(preview).toContainText('Hi Ann, your order A-1042 is ready for pickup.');
  await expect(preview).toContainText('Thanks!');
  await app.screenshot({ path: screenshotPath('template-approval-form'), fullPage: true });
  await form.getByRole('button', { name: 'Submit for approval' }).click();

  await expect(screen.getByRole('status')).toContainText('submitted to WhatsApp for approval');
  expect(graph.templates.created.map((t) => [t.name, t.body.parameter_format])).toEqual([
    ['order_ready', 'NAMED'],
  ]);
  const row = screen.getByRole('row', { name: /order_ready/ });
  await expect(row).toContainText('Pending review');

  // WhatsApp's review: the status webhook, signed as Meta signs it, to the app's receiver.
  const approved = graph.templates.judge('order_ready', 'APPROVED');
  const url = (await host.app.handlers.account.status()).webhook.localUrl ?? '';
  const answer = await postWebhook(url, JSON.stringify(statusWebhook(graph.wabaId, approved)), {
    secret: APP_SECRET,
  });
  expect(answer.status).toBe(200);

  await expect(row).toContainText('Approved');
  await expect
    .poll(() => host.notifier.shown.map((n) => n.title))
    .toContain('Template approved: order_ready (en)');
  await app.getByRole('button', { name: /^Notifications/ }).click();
  const centre = app.getByRole('dialog', { name: 'Notifications' });
  await expect(centre).toContainText('Template approved: order_ready (en)');
  await expect(centre).toContainText('You can send it to customers now.');
  await app.screenshot({ path: screenshotPath('template-approval-approved'), fullPage: true });
});
