import request from 'supertest';
import type { EditorCatalogView, IntentSuggestion } from '../../src/contracts/socket-events';
import { createTestApp, type TestApp } from '../support/create-test-app';

describe('Editor page API: catalogue, playground, suggestions', () => {
  let sut: TestApp;
  let editor: string;
  let officer: string;

  beforeAll(async () => {
    sut = await createTestApp();
    editor = (await sut.signInOfficer('redactrice', 'Rédactrice', ['editor'])).accessToken;
    officer = (await sut.signInOfficer('agent', 'Agent Martin', ['officer'])).accessToken;
  });

  afterAll(async () => {
    await sut.close();
  });

  it.each([
    ['get', '/api/v1/editor/intents'],
    ['post', '/api/v1/editor/playground'],
    ['get', '/api/v1/suggestions'],
    ['delete', '/api/v1/suggestions/9b2f0c55-7d3c-4d2e-9a51-0b8f2f7d1c11'],
  ] as const)('should refuse %s %s to a visitor (401) and to an officer without the editor role (403)', async (method, path) => {
    await request(sut.baseUrl)[method](path).send({ text: 'bonjour' }).expect(401);
    await request(sut.baseUrl)[method](path).set('Authorization', `Bearer ${officer}`).send({ text: 'bonjour' }).expect(403);
  });

  it('should list every intent with examples, links and validity, and no error', async () => {
    const response = await request(sut.baseUrl).get('/api/v1/editor/intents').set('Authorization', `Bearer ${editor}`).expect(200);

    const view = response.body as EditorCatalogView;
    expect(view.errors).toEqual([]);
    const fraud = view.intents.find((intent) => intent.id === 'fraud');
    expect(fraud).toMatchObject({ outcome: 'answer', active: true, activeSince: null, activeUntil: null, sourceFile: 'fraud.yaml' });
    expect(fraud?.examples.length).toBeGreaterThan(10);
    expect(fraud?.links[0]?.url).toMatch(/^https:\/\//);
  });

  it('should decide a playground sentence with its trace, and refuse a blank one', async () => {
    const response = await request(sut.baseUrl)
      .post('/api/v1/editor/playground')
      .set('Authorization', `Bearer ${editor}`)
      .send({ text: "je me suis fait arnaquer sur leboncoin" })
      .expect(200);

    expect(response.body).toMatchObject({ outcome: 'answer', intent: 'fraud', trace: expect.objectContaining({ step: expect.any(String) }) });
    await request(sut.baseUrl).post('/api/v1/editor/playground').set('Authorization', `Bearer ${editor}`).send({ text: '  ' }).expect(400);
  });

  it('should keep an officer suggestion with phone numbers and e-mail addresses masked, for editors to read and delete', async () => {
    const created = await request(sut.baseUrl)
      .post('/api/v1/suggestions')
      .set('Authorization', `Bearer ${officer}`)
      .send({ intent: 'fraud', utterance: 'un faux conseiller m’a appelé du 06 12 34 56 78, écrire à arnaque@exemple.fr' })
      .expect(201);
    expect((created.body as IntentSuggestion).utterance).toBe('un faux conseiller m’a appelé du [téléphone], écrire à [e-mail]');

    const listed = await request(sut.baseUrl).get('/api/v1/suggestions').set('Authorization', `Bearer ${editor}`).expect(200);
    expect(listed.body).toEqual([expect.objectContaining({ intent: 'fraud', officerName: 'Agent Martin', utterance: expect.stringContaining('[téléphone]') })]);
    expect(JSON.stringify(listed.body)).not.toContain('06 12 34 56 78');

    await request(sut.baseUrl).delete(`/api/v1/suggestions/${(created.body as IntentSuggestion).id}`).set('Authorization', `Bearer ${editor}`).expect(204);
    await request(sut.baseUrl).delete(`/api/v1/suggestions/${(created.body as IntentSuggestion).id}`).set('Authorization', `Bearer ${editor}`).expect(404);
  });

  it('should refuse a suggestion for an unknown intent or without a sentence', async () => {
    await request(sut.baseUrl).post('/api/v1/suggestions').set('Authorization', `Bearer ${officer}`).send({ intent: 'inconnue', utterance: 'bonjour' }).expect(404);
    await request(sut.baseUrl).post('/api/v1/suggestions').set('Authorization', `Bearer ${officer}`).send({ intent: 'fraud' }).expect(400);
    await request(sut.baseUrl).post('/api/v1/suggestions').send({ intent: 'fraud', utterance: 'x' }).expect(401);
  });
});
