import request from 'supertest';
import type { TriageDecision } from '../../src/contracts/socket-events';
import { createTestApp, type TestApp } from '../support/create-test-app';

describe('HTTP API', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp();
  });

  afterAll(async () => {
    await sut.close();
  });

  it('should answer health with status, version and the intent catalog', async () => {
    const response = await request(sut.baseUrl).get('/api/v1/health').expect(200);

    expect(response.body).toEqual({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      intents: { count: expect.any(Number), version: expect.stringMatching(/^[0-9a-f]{12}$/) },
    });
    expect(response.body.intents.count).toBeGreaterThanOrEqual(7);
  });

  it('should answer a fraud question with the fraud intent and its https links', async () => {
    const response = await request(sut.baseUrl)
      .post('/api/v1/triage')
      .send({ text: 'Bonjour, je me suis fait arnaquer par un faux vendeur sur internet, que faire ?' })
      .expect(200);
    const decision = response.body as TriageDecision;

    expect(decision.outcome).toBe('answer');
    expect(decision.intent).toBe('fraud');
    expect(decision.confidence).toBeGreaterThan(0);
    expect(decision.links.length).toBeGreaterThan(0);
    expect(decision.links.every((link) => link.url.startsWith('https://'))).toBe(true);
  });

  it('should give the emergency numbers when danger is happening now', async () => {
    const response = await request(sut.baseUrl)
      .post('/api/v1/triage')
      .send({ text: 'au secours il y a un homme avec un couteau dans mon salon' })
      .expect(200);
    const decision = response.body as TriageDecision;

    expect(decision.outcome).toBe('emergency');
    expect(decision.reply).toContain('17');
    expect(decision.reply).toContain('112');
    expect(decision.reply).toContain('114');
  });

  it('should hand off a question no rule resolves', async () => {
    const response = await request(sut.baseUrl)
      .post('/api/v1/triage')
      .send({ text: 'Est-ce qu’un drone a le droit de survoler mon jardin ?' })
      .expect(200);

    expect(response.body).toMatchObject({ outcome: 'handoff', intent: null, links: [] });
  });

  it.each([
    ['missing', {}, 'text is required'],
    ['not a string', { text: 42 }, 'text must be a string'],
    ['an object', { text: { nested: 'SECRET-MARKER' } }, 'text must be a string'],
    ['empty', { text: '' }, 'text must not be empty'],
    ['blank', { text: ' \n\t ' }, 'text must not be empty'],
    ['over 2000 characters', { text: 'SECRET-MARKER '.repeat(143) }, 'text must be at most 2000 characters'],
  ])('should refuse a text that is %s with a clear 400 that does not echo it', async (_case, body, message) => {
    const response = await request(sut.baseUrl).post('/api/v1/triage').send(body).expect(400);

    expect(response.body.message).toEqual([message]);
    expect(JSON.stringify(response.body)).not.toContain('SECRET-MARKER');
  });

  it('should refuse unknown fields', async () => {
    const response = await request(sut.baseUrl).post('/api/v1/triage').send({ text: 'bonjour', extra: 1 }).expect(400);

    expect(response.body.message).toEqual(['property extra should not exist']);
  });

  it('should refuse malformed JSON with a static message that does not quote the body', async () => {
    const response = await request(sut.baseUrl)
      .post('/api/v1/triage')
      .set('content-type', 'application/json')
      .send('{"text": "SECRET-MARKER')
      .expect(400);

    expect(response.body).toEqual({ statusCode: 400, message: 'Malformed request body' });
  });

  it('should hand the follow-up of an existing case to an officer with its handoff rule', async () => {
    const response = await request(sut.baseUrl)
      .post('/api/v1/triage')
      .send({ text: 'Quel est le numéro de dossier de mon affaire jugée en 2019 à Limoges ?' })
      .expect(200);

    expect(response.body).toMatchObject({ outcome: 'handoff', intent: 'case_followup' });
  });

  it('should refuse the trace without an officer token', async () => {
    await request(sut.baseUrl).post('/api/v1/triage?explain=1').send({ text: 'arnaque' }).expect(401);
    await request(sut.baseUrl).post('/api/v1/triage?explain=1').set('authorization', 'Bearer forged').send({ text: 'arnaque' }).expect(401);
  });

  it('should give a signed-in officer the trace of a decision', async () => {
    const { accessToken } = await sut.signInOfficer('explainer');

    const response = await request(sut.baseUrl)
      .post('/api/v1/triage?explain=1')
      .set('authorization', `Bearer ${accessToken}`)
      .send({ text: 'J’ai été victime d’une ARNAQUE sur internet' })
      .expect(200);

    expect(response.body).toMatchObject({ outcome: 'answer', intent: 'fraud' });
    expect(response.body.trace).toMatchObject({ normalized: expect.stringContaining('arnaque'), step: 'answer', language: 'fr' });
    expect(response.body.trace.scores[0]).toMatchObject({ intent: 'fraud', rulesHit: expect.arrayContaining(['arnaque']) });
  });

  it('should refuse an unknown explain value', async () => {
    const response = await request(sut.baseUrl).post('/api/v1/triage?explain=yes').send({ text: 'arnaque' }).expect(400);

    expect(response.body.message).toEqual(['explain must be 0 or 1']);
  });

  it('should accept exactly 2000 characters', async () => {
    await request(sut.baseUrl).post('/api/v1/triage').send({ text: 'a'.repeat(2000) }).expect(200);
  });

  it('should refuse a wrong officer password with 401 and the same message as an unknown user', async () => {
    await sut.signInOfficer('known.officer');

    const wrongPassword = await request(sut.baseUrl).post('/api/v1/auth/login').send({ username: 'known.officer', password: 'nope' }).expect(401);
    const unknownUser = await request(sut.baseUrl).post('/api/v1/auth/login').send({ username: 'nobody', password: 'nope' }).expect(401);

    expect(wrongPassword.body.message).toBe('Identifiant ou mot de passe incorrect');
    expect(unknownUser.body.message).toBe(wrongPassword.body.message);
  });

  it('should sign an officer in with a token and profile', async () => {
    const login = await sut.signInOfficer('alice', 'Alice Martin');

    expect(login.accessToken).toEqual(expect.any(String));
    expect(login.officer).toMatchObject({ username: 'alice', displayName: 'Alice Martin', roles: ['officer'] });
  });
});
