import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter2 } from '@nestjs/event-emitter';
import request from 'supertest';
import { IntentCatalogEvent, IntentCatalogService } from '../../src/intents/intent-catalog.service';
import { ScheduleService } from '../../src/schedule/schedule.service';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { FakeClock } from '../support/fake-clock';

const FIXTURE = join(__dirname, '..', 'fixtures', 'intents', 'clarify');
const TIME_BOXED = join(__dirname, '..', 'fixtures', 'intents', 'time-boxed');

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

describe('Settings hot reload', () => {
  let sut: TestApp;
  let folder: string;
  let token: string;

  const status = async () => (await request(sut.baseUrl).get('/api/v1/intents/status').set('authorization', `Bearer ${token}`).expect(200)).body;
  const next = (event: string) => sut.app.get(EventEmitter2).waitFor(event, 5000);
  const schedule = () => new ScheduleService(sut.app.get(IntentCatalogService));

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'intents-live-'));
    cpSync(FIXTURE, folder, { recursive: true });
    writeFileSync(join(folder, 'settings.yaml'), 'always_open: true\n');
    sut = await createTestApp({ INTENTS_DIR: folder });
    token = (await sut.signInOfficer('editor.test', 'Éditrice', ['officer', 'editor'])).accessToken;
  });

  afterEach(async () => {
    await sut.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('should put a valid change of settings.yaml in force, then keep it and report an invalid one in the status', async () => {
    expect(schedule().hoursSummary()).toBe('24 h/24, 7 j/7');
    const reloaded = next(IntentCatalogEvent.Reloaded);
    writeFileSync(join(folder, 'settings.yaml'), 'opening_hours:\n  - { days: [monday], from: "09:00", to: "12:00" }\n');
    await reloaded;
    expect(schedule().hoursSummary()).toBe('le lundi de 9 h à 12 h (heure de Paris)');

    const rejected = next(IntentCatalogEvent.Rejected);
    writeFileSync(join(folder, 'settings.yaml'), 'opening_hours:\n  - { days: [monday], from: 09:00, to: "12:00" }\n');
    await rejected;

    expect(schedule().hoursSummary()).toBe('le lundi de 9 h à 12 h (heure de Paris)');
    expect((await status()).errors).toEqual([
      'settings.yaml:2:29: opening_hours[0].from : « 09:00 » peut être lu par YAML comme un nombre et non comme un texte : mettez-le entre guillemets ("09:00")',
    ]);
  });
});

describe('Time-limited intents', () => {
  let sut: TestApp;
  let folder: string;
  const clock = new FakeClock('2026-11-30T22:59:00Z');

  const decide = async (text: string) => (await request(sut.baseUrl).post('/api/v1/triage').send({ text }).expect(200)).body;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'intents-timed-'));
    cpSync(TIME_BOXED, folder, { recursive: true });
    sut = await createTestApp({ INTENTS_DIR: folder }, { clock });
  });

  afterAll(async () => {
    await sut.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('should answer from an intent only within its period, switching by the clock with no reload', async () => {
    const version = sut.app.get(IntentCatalogService).current().version;
    expect(await decide('un pickpocket au marché de noël')).toMatchObject({ outcome: 'handoff', intent: null });

    clock.setSystemTime('2026-11-30T23:00:00Z');
    expect(await decide('un pickpocket au marché de noël')).toMatchObject({ outcome: 'answer', intent: 'christmas_market' });

    clock.setSystemTime('2026-12-31T23:00:00Z');
    expect(await decide('un pickpocket au marché de noël')).toMatchObject({ outcome: 'handoff', intent: null });
    expect(sut.app.get(IntentCatalogService).current().version).toBe(version);
  });

  it('should tell a signed-in officer since and until when each intent is in force, as of now', async () => {
    const officer = (await sut.signInOfficer('officer.validity')).accessToken;
    clock.setSystemTime('2026-12-10T12:00:00Z');

    await request(sut.baseUrl).get('/api/v1/intents/validity').expect(401);
    const { body } = await request(sut.baseUrl).get('/api/v1/intents/validity').set('authorization', `Bearer ${officer}`).expect(200);

    expect(body.intents).toContainEqual({
      intent: 'christmas_market',
      activeSince: Date.parse('2026-11-30T23:00:00Z'),
      activeUntil: Date.parse('2026-12-31T23:00:00Z'),
      active: true,
      variant: null,
    });
    expect(body.intents).toContainEqual({ intent: 'summer_games', activeSince: Date.parse('2024-07-25T22:00:00Z'), activeUntil: Date.parse('2024-08-11T22:00:00Z'), active: false, variant: null });
  });
});
