import request from 'supertest';
import { DailyStatsService } from '../../src/stats/daily-stats.service';
import { RATING_TOKEN_TTL_MS, RatingService } from '../../src/stats/rating.service';
import { RATING_TOKEN_INVALID_MESSAGE } from '../../src/stats/ratings.controller';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { FakeClock } from '../support/fake-clock';

describe('POST /api/v1/ratings', () => {
  let sut: TestApp;
  let clock: FakeClock;
  let ratings: RatingService;
  let stats: DailyStatsService;

  const ratingsTotal = async (score: number): Promise<number> => {
    const { text } = await request(sut.baseUrl).get('/metrics').expect(200);
    const line = text.split('\n').find((candidate) => candidate.startsWith(`police_chat_ratings_total{score="${score}"} `));
    return Number(line?.split(' ')[1]);
  };

  beforeAll(async () => {
    clock = new FakeClock('2026-11-30T10:00:00Z');
    sut = await createTestApp({}, { clock });
    ratings = sut.app.get(RatingService);
    stats = sut.app.get(DailyStatsService);
  });

  afterAll(async () => {
    await sut.close();
  });

  it('should count a rating given with a fresh token in the daily figures and the metrics', async () => {
    const ratingToken = ratings.issue();
    const countedBefore = stats.today().ratings[4];
    const metricBefore = await ratingsTotal(5);

    const response = await request(sut.baseUrl).post('/api/v1/ratings').send({ ratingToken, score: 5 }).expect(204);

    expect(response.text).toBe('');
    expect(stats.today().ratings[4]).toBe(countedBefore + 1);
    expect(await ratingsTotal(5)).toBe(metricBefore + 1);
  });

  it('should refuse a token already used with a French 404 and count nothing more', async () => {
    const ratingToken = ratings.issue();
    await request(sut.baseUrl).post('/api/v1/ratings').send({ ratingToken, score: 2 }).expect(204);
    const counted = stats.today().ratings;

    const response = await request(sut.baseUrl).post('/api/v1/ratings').send({ ratingToken, score: 2 }).expect(404);

    expect(response.body).toMatchObject({ statusCode: 404, message: 'Cette évaluation n’est plus possible : le lien a expiré ou a déjà servi.' });
    expect(stats.today().ratings).toEqual(counted);
  });

  it('should refuse a token it never issued with 404', async () => {
    await request(sut.baseUrl).post('/api/v1/ratings').send({ ratingToken: 'AAAAAAAAAAAAAAAAAAAAAA', score: 3 }).expect(404);
  });

  it('should refuse a token once its hour has passed with 404', async () => {
    const ratingToken = ratings.issue();
    const counted = stats.today().ratings;

    clock.tick(RATING_TOKEN_TTL_MS);
    const response = await request(sut.baseUrl).post('/api/v1/ratings').send({ ratingToken, score: 4 }).expect(404);

    expect(response.body.message).toBe(RATING_TOKEN_INVALID_MESSAGE);
    expect(stats.today().ratings).toEqual(counted);
  });

  it.each([
    ['a missing token', { score: 3 }, 'ratingToken is required'],
    ['a token that is not a string', { ratingToken: 12345, score: 3 }, 'ratingToken must be a string'],
    ['a token over 64 characters', { ratingToken: 'SECRETMARKER'.repeat(6), score: 3 }, 'ratingToken must be at most 64 characters'],
    ['a token with other characters', { ratingToken: 'SECRET MARKER!', score: 3 }, 'ratingToken must be a rating token'],
    ['a missing score', { ratingToken: 'SECRETMARKER' }, 'score is required'],
    ['a score of 0', { ratingToken: 'SECRETMARKER', score: 0 }, 'score must be from 1 to 5'],
    ['a score of 6', { ratingToken: 'SECRETMARKER', score: 6 }, 'score must be from 1 to 5'],
    ['a fractional score', { ratingToken: 'SECRETMARKER', score: 3.5 }, 'score must be an integer'],
    ['a score given as a string', { ratingToken: 'SECRETMARKER', score: '5' }, 'score must be an integer'],
    ['an unknown field', { ratingToken: 'SECRETMARKER', score: 5, conversationId: 'c1' }, 'property conversationId should not exist'],
  ])('should answer 400 for %s without echoing the body', async (_case, body, message) => {
    const response = await request(sut.baseUrl).post('/api/v1/ratings').send(body).expect(400);

    expect(response.body.message).toEqual([message]);
    expect(JSON.stringify(response.body)).not.toContain('SECRET');
  });

  it('should leave a valid token usable after a refused body', async () => {
    const ratingToken = ratings.issue();

    await request(sut.baseUrl).post('/api/v1/ratings').send({ ratingToken, score: 9 }).expect(400);

    await request(sut.baseUrl).post('/api/v1/ratings').send({ ratingToken, score: 1 }).expect(204);
  });
});
