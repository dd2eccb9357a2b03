import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter2 } from '@nestjs/event-emitter';
import request from 'supertest';
import { IntentCatalogEvent } from '../../src/intents/intent-catalog.service';
import { createTestApp, type TestApp } from '../support/create-test-app';

const FIXTURE = join(__dirname, '..', 'fixtures', 'intents', 'clarify');

describe('Intent hot reload', () => {
  let sut: TestApp;
  let folder: string;
  let token: string;

  const decide = async (text: string) => (await request(sut.baseUrl).post('/api/v1/triage').send({ text }).expect(200)).body;
  const status = async () => (await request(sut.baseUrl).get('/api/v1/intents/status').set('authorization', `Bearer ${token}`).expect(200)).body;
  const next = (event: string) => sut.app.get(EventEmitter2).waitFor(event, 5000);
  const write = (file: string, text: string) => writeFileSync(join(folder, file), text);
  const shopDispute = () => readFileSync(join(FIXTURE, 'shop_dispute.yaml'), 'utf8');

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'intents-live-'));
    cpSync(FIXTURE, folder, { recursive: true });
    sut = await createTestApp({ INTENTS_DIR: folder });
    token = (await sut.signInOfficer('editor.test', 'Éditrice', ['officer', 'editor'])).accessToken;
  });

  afterEach(async () => {
    await sut.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('should answer from a valid change without a restart', async () => {
    expect((await decide('un colis abîmé')).outcome).toBe('handoff');
    const reloaded = next(IntentCatalogEvent.Reloaded);

    write('shop_dispute.yaml', shopDispute().replace('  - litige', '  - litige\n  - colis abime'));
    await reloaded;

    expect(await decide('un colis abîmé')).toMatchObject({ outcome: 'answer', intent: 'shop_dispute' });
    expect((await status()).errors).toEqual([]);
  });

  it('should keep the last good catalog serving and report the errors of an invalid change', async () => {
    const before = await status();
    const rejected = next(IntentCatalogEvent.Rejected);

    write('shop_dispute.yaml', shopDispute().replace('https://www.example.gouv.fr/shop_dispute', 'http://insecure.example'));
    await rejected;

    expect((await decide('un litige')).outcome).toBe('clarify');
    const after = await status();
    expect(after.version).toBe(before.version);
    expect(after.errors).toEqual([expect.stringMatching(/^shop_dispute\.yaml:\d+:\d+: answer\.links\[0\]\.url : doit être une adresse web complète en https/)]);
  });

  it('should take a deleted file out, and never run without an emergency intent', async () => {
    const reloaded = next(IntentCatalogEvent.Reloaded);
    unlinkSync(join(folder, 'seller_dispute.yaml'));
    await reloaded;
    expect(await decide('un litige')).toMatchObject({ outcome: 'answer', intent: 'shop_dispute' });

    const rejected = next(IntentCatalogEvent.Rejected);
    unlinkSync(join(folder, 'emergency.yaml'));
    await rejected;

    expect((await status()).intents).toBe(2);
    expect((await decide('il a un couteau')).outcome).toBe('emergency');
  });

  it('should end a burst of saves on the final state', async () => {
    const reloaded = next(IntentCatalogEvent.Reloaded);
    for (let save = 1; save <= 5; save++) {
      write('shop_dispute.yaml', shopDispute().replace('  - litige', `  - litige\n  - mot${save}`));
    }
    await reloaded;

    expect((await decide('mot5')).intent).toBe('shop_dispute');
    expect((await decide('mot3')).outcome).toBe('handoff');
  });

  it('should refuse the status to anyone but a signed-in editor', async () => {
    const officerOnly = (await sut.signInOfficer('officer.only')).accessToken;

    await request(sut.baseUrl).get('/api/v1/intents/status').expect(401);
    const refused = await request(sut.baseUrl).get('/api/v1/intents/status').set('authorization', `Bearer ${officerOnly}`).expect(403);
    expect(refused.body.message).toBe('The editor role is required');
  });
});
