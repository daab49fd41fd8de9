import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Template } from '../../main/contract/model';
import { openWorkspaceStore } from '../../main/store/open-workspace';
import type { WorkspaceStore } from '../../main/store/workspace-store';
import { T0, useTempDirs } from './store-test-kit';
import { savedTemplate } from '../support/templates';

const tempDir = useTempDirs();
const open = (dir: string): Promise<WorkspaceStore> =>
  openWorkspaceStore(dir, { now: () => T0, summaryDelayMs: 60_000, summaryMaxDelayMs: 60_000 });

const template = (id: string, patch: Partial<Template> = {}): Template => savedTemplate(T0, { id, ...patch });

describe('templates.json', () => {
  it('round-trips templates, replaces by id and removes', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.saveTemplate(template('a'));
    await store.saveTemplate(template('b', { language: 'nl' }));
    await store.saveTemplate(template('a', { status: 'paused' }));
    await store.removeTemplate('b');
    await store.close();

    const again = await open(dir);
    expect(again.templates()).toEqual([template('a', { status: 'paused' })]);
    expect(again.template('a')?.status).toBe('paused');
    expect(again.problems).toEqual([]);
    const file = JSON.parse(await fsp.readFile(path.join(dir, 'templates.json'), 'utf8')) as unknown;
    expect(file).toMatchObject({ schemaVersion: 1 });
    await again.close();
  });

  it('refuses a template that does not match the schema, keeping the file readable', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await expect(store.saveTemplate(template('a', { name: 'Not Valid' }))).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect(store.templates()).toEqual([]);
    await store.close();
  });

  it('a damaged file is moved aside and the last good copy restored, and the owner is told', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.saveTemplate(template('a'));
    await store.saveTemplate(template('b', { language: 'nl' }));
    await store.close();
    await fsp.writeFile(path.join(dir, 'templates.json'), '{"schemaVersion": 1, "templ');

    const again = await open(dir);
    expect(again.templates().map((t) => t.id)).toEqual(['a']);
    expect(again.problems).toHaveLength(1);
    expect(again.problems[0]?.message).toBe(
      'Your message templates (templates.json) could not be read: it is damaged.',
    );
    expect(again.problems[0]?.recovery).toMatch(/restored the last good copy .* \(1 template\)/);
    expect(await fsp.readdir(path.join(dir, 'corrupt'))).toHaveLength(1);
    await again.close();
  });
});

describe('template-sends.json: sends in flight and the last template per contact', () => {
  it('keeps a send in flight across a restart until it is finished', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.beginSend({ contactId: 'c1', messageId: 'm1', at: T0 });
    await store.close();

    const again = await open(dir);
    expect(again.inFlightSends()).toEqual([{ contactId: 'c1', messageId: 'm1', at: T0 }]);
    await again.finishSend('m1', { contactId: 'c1', use: { name: 'ticket_update', language: 'nl', at: T0 } });
    expect(again.inFlightSends()).toEqual([]);
    expect(again.lastTemplateUse('c1')).toEqual({ name: 'ticket_update', language: 'nl', at: T0 });
    expect(again.lastTemplateUse('toString')).toBeUndefined();
    await again.finishSend('m2', null);
    await again.close();

    const third = await open(dir);
    expect(third.lastTemplateUse('c1')?.language).toBe('nl');
    await third.close();
  });
});
