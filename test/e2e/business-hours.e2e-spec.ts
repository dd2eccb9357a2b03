import { DateTime } from 'luxon';
import type { Announcement, ChatMessage } from '../../src/contracts/socket-events';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { FakeClock } from '../support/fake-clock';
import { useIntentsWithSettings } from '../support/intents-folder';
import { closeAllSockets, connectCitizen, connectHeldCitizen, connectOfficer, emitWithAck, nextMessage, waitForEvent } from '../support/socket-client';

/** Scenario S-27: Monday to Friday, 09:00–18:00 in Paris, and one announcement valid in December 2026. */
const SETTINGS = `time_zone: Europe/Paris
opening_hours:
  - days: [monday, tuesday, wednesday, thursday, friday]
    from: "09:00"
    to: "18:00"
announcements:
  - id: couvre_feu
    title: Couvre-feu
    text: Un couvre-feu s'applique de 21 h à 6 h. Une attestation est nécessaire pour sortir.
    links:
      - title: Attestation de déplacement
        url: https://www.interieur.gouv.fr/Actualites/L-actu-du-Ministere/Attestations-de-deplacement
    valid_from: "2026-12-01 00:00"
    valid_until: "2026-12-31 23:59"
`;

/** The instant of a Paris wall-clock time, as ISO 8601 UTC. */
const paris = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Paris' }).toUTC().toISO() ?? '';

describe('Business hours and announcements (S-27, host time zone UTC: see jest.config.js)', () => {
  const folder = useIntentsWithSettings(() => SETTINGS);
  let clock: FakeClock;
  let sut: TestApp;

  beforeAll(() => {
    expect(new Date('2025-03-31T12:00:00Z').getTimezoneOffset()).toBe(0);
  });

  beforeEach(async () => {
    clock = new FakeClock(paris('2025-03-31T12:00'));
    sut = await createTestApp({ INTENTS_DIR: folder() }, { clock });
  });

  afterEach(async () => {
    closeAllSockets();
    await sut.close();
  });

  /** What a citizen who asks for an officer at the Paris time `local` gets: queued, or the out-of-hours answer. */
  async function handoffAt(local: string): Promise<'queued' | ChatMessage> {
    clock.setSystemTime(paris(local));
    const { socket } = await connectCitizen(sut.baseUrl);
    const reply = nextMessage(socket, 'bot');
    await emitWithAck(socket, 'handoff:request', {});
    const message = await reply;
    return message.text.includes('Les policiers répondent dans ce tchat') ? message : 'queued';
  }

  it.each(['2025-03-31', '2025-10-27'])('should be closed, open, open, closed at 08:59, 09:00, 17:59, 18:00 on Monday %s', async (day) => {
    await connectOfficer(sut.baseUrl, (await sut.signInOfficer(`officer.${day}`)).accessToken);

    const outcomes = [];
    for (const time of ['08:59', '09:00', '17:59', '18:00']) {
      const result = await handoffAt(`${day}T${time}`);
      outcomes.push(result === 'queued' ? 'open' : 'closed');
    }

    expect(outcomes).toEqual(['closed', 'open', 'open', 'closed']);
  });

  it('should tell a citizen out of hours when officers are back, the emergency numbers and links, without queuing', async () => {
    const reply = await handoffAt('2025-10-27T18:00');

    expect(reply).not.toBe('queued');
    const message = reply as ChatMessage;
    expect(message.text).toContain('du lundi au vendredi');
    expect(message.text).toContain('demain à partir de 9 h');
    expect(message.text).toMatch(/17.*112.*114/);
    expect(message.links.length).toBeGreaterThan(0);
  });

  it('should not put a citizen back in the queue after closing time when they choose to keep waiting', async () => {
    clock.setSystemTime(paris('2025-03-31T17:50'));
    const citizen = await connectCitizen(sut.baseUrl);
    const queued = waitForEvent(citizen.socket, 'handoff:queued');
    await emitWithAck(citizen.socket, 'handoff:request', {});
    await queued;
    const offer = waitForEvent<ChatMessage>(citizen.socket, 'conversation:message', (message) => message.offerKeepWaiting === true);
    clock.tick(15 * 60_000);
    await offer;

    const reply = nextMessage(citizen.socket, 'bot');
    expect(await emitWithAck(citizen.socket, 'handoff:keep-waiting', {})).toEqual({ ok: true });

    expect((await reply).text).toContain('Les policiers répondent dans ce tchat');
    const { queue } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('evening')).accessToken);
    expect(queue).toEqual([]);
  });

  it('should let a chat already taken continue past closing time', async () => {
    clock.setSystemTime(paris('2025-03-31T17:58'));
    const { socket: officer } = await connectOfficer(sut.baseUrl, (await sut.signInOfficer('late.shift')).accessToken);
    const { socket: citizen, conversationId } = await connectHeldCitizen(sut.baseUrl, officer);
    clock.setSystemTime(paris('2025-03-31T18:30'));

    const fromOfficer = nextMessage(citizen, 'officer');
    const toOfficer = waitForEvent<ChatMessage>(officer, 'conversation:message', (message) => message.author === 'citizen');
    await emitWithAck(officer, 'conversation:message', { conversationId, text: 'Je reste avec vous.' });
    await emitWithAck(citizen, 'conversation:message', { text: 'merci' });

    expect((await fromOfficer).text).toBe('Je reste avec vous.');
    expect((await toOfficer).text).toBe('merci');
  });

  it('should pin an announcement when a chat opens, only within its validity period', async () => {
    clock.setSystemTime(paris('2026-11-30T23:59'));
    const before = await connectCitizen(sut.baseUrl);
    clock.setSystemTime(paris('2026-12-01T00:00'));
    const during = await connectCitizen(sut.baseUrl);

    expect(before.started.announcements).toEqual([]);
    expect(during.started.announcements).toEqual<Announcement[]>([
      {
        id: 'couvre_feu',
        title: 'Couvre-feu',
        text: "Un couvre-feu s'applique de 21 h à 6 h. Une attestation est nécessaire pour sortir.",
        links: [{ title: 'Attestation de déplacement', url: 'https://www.interieur.gouv.fr/Actualites/L-actu-du-Ministere/Attestations-de-deplacement' }],
      },
    ]);
  });
});
