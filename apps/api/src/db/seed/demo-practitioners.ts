import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import {
  accounts,
  availabilityRules,
  certifications,
  practitioners,
  sessionTypes,
} from '../schema';

// Demo data for the embedded default and for benchmarks. Every id derives from the
// practitioner's index, so seeding twice inserts nothing new.

const FIRST_NAMES = [
  'Amara',
  'Jonas',
  'Priya',
  'Mateo',
  'Sofia',
  'Kenji',
  'Leila',
  'Tomás',
  'Ingrid',
  'Kwame',
  'Chloé',
  'Rafael',
  'Hana',
  'Oliver',
  'Noor',
  'Lukas',
  'Isabel',
  'Arjun',
  'Freya',
  'Diego',
  'Maya',
  'Emre',
  'Yuki',
  'Elena',
  'Samuel',
  'Aisha',
  'Felix',
  'Lucía',
  'Ravi',
  'Astrid',
];
const LAST_NAMES = [
  'Okafor',
  'Lindqvist',
  'Raman',
  'García',
  'Rossi',
  'Tanaka',
  'Haddad',
  'Silva',
  'Berg',
  'Mensah',
  'Dubois',
  'Costa',
  'Kim',
  'Bennett',
  'Rahman',
  'Weber',
  'Moreno',
  'Patel',
  'Nielsen',
  'Herrera',
  'Cohen',
  'Yilmaz',
  'Sato',
  'Popescu',
  'Adeyemi',
  'Fischer',
];
const PLACES = [
  { timeZone: 'Europe/London', languages: ['en'] },
  { timeZone: 'Europe/Paris', languages: ['fr', 'en'] },
  { timeZone: 'Europe/Berlin', languages: ['de', 'en'] },
  { timeZone: 'Europe/Madrid', languages: ['es', 'en'] },
  { timeZone: 'Europe/Stockholm', languages: ['sv', 'en'] },
  { timeZone: 'America/New_York', languages: ['en', 'es'] },
  { timeZone: 'America/Los_Angeles', languages: ['en'] },
  { timeZone: 'America/Sao_Paulo', languages: ['pt', 'en'] },
  { timeZone: 'Asia/Kolkata', languages: ['en', 'hi'] },
  { timeZone: 'Asia/Tokyo', languages: ['ja', 'en'] },
  { timeZone: 'Australia/Sydney', languages: ['en'] },
  { timeZone: 'Africa/Lagos', languages: ['en'] },
];
const SPECIALTIES = [
  'anxiety',
  'sleep',
  'stress',
  'trauma-informed',
  'performance',
  'focus',
  'panic',
  'burnout',
  'grief',
  'pregnancy',
  'asthma-friendly',
  'beginners',
];
const METHODS = [
  'coherent breathing',
  'box breathing',
  'the physiological sigh',
  'Buteyko method',
  'pranayama',
  'extended exhales',
  'breath-led body scans',
  'humming breath',
];
const BACKGROUNDS = [
  'a former ICU nurse',
  'a yoga teacher of fifteen years',
  'a sports physiotherapist',
  'a clinical psychologist',
  'a freediving instructor',
  'a mindfulness teacher',
  'a respiratory therapist',
  'an occupational therapist',
  'a meditation teacher',
];
const CERTIFICATIONS = [
  { name: 'Certified Breathwork Facilitator', issuer: 'Global Professional Breathwork Alliance' },
  { name: 'Buteyko Practitioner', issuer: 'Buteyko Professionals International' },
  { name: 'Trauma-Informed Breathwork', issuer: 'International Breathwork Foundation' },
  { name: 'Yoga Alliance RYT-500', issuer: 'Yoga Alliance' },
  {
    name: 'Mindfulness-Based Stress Reduction Teacher',
    issuer: 'Brown University Mindfulness Center',
  },
  { name: 'Oxygen Advantage Instructor', issuer: 'Oxygen Advantage' },
];
// Weekly shapes on the practitioner's own clock: [weekdays, start minute, end minute].
const WEEKS: [number[], number, number][][] = [
  [[[1, 2, 3, 4, 5], 9 * 60, 12 * 60]],
  [[[1, 2, 3, 4], 17 * 60, 21 * 60]],
  [
    [[1, 3, 5], 8 * 60, 11 * 60],
    [[2, 4], 14 * 60, 18 * 60],
  ],
  [
    [[6, 7], 9 * 60, 13 * 60],
    [[3], 18 * 60, 20 * 60],
  ],
  [[[1, 2, 3, 4, 5], 12 * 60, 16 * 60]],
  [
    [[1, 2, 3, 4, 5], 7 * 60, 9 * 60],
    [[1, 2, 3, 4, 5], 19 * 60, 21 * 60],
  ],
];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

/** A UUID (version-5 shaped) derived from a name, stable across runs. */
export function stableUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function demoPractitioner(i: number) {
  const first = pick(FIRST_NAMES, i);
  const last = pick(LAST_NAMES, i * 7 + Math.floor(i / FIRST_NAMES.length));
  const place = pick(PLACES, i * 5 + 1);
  const specialties = [
    pick(SPECIALTIES, i),
    pick(SPECIALTIES, i * 3 + 4),
    pick(SPECIALTIES, i * 7 + 9),
  ].filter((value, index, all) => all.indexOf(value) === index);
  const method = pick(METHODS, i * 3);
  const background = pick(BACKGROUNDS, i * 5 + 2);
  const years = 3 + (i % 14);
  const accountId = stableUuid(`demo-account-${i}`);
  const id = stableUuid(`demo-practitioner-${i}`);
  const basePrice = 3500 + ((i * 1300) % 6500);
  return {
    account: {
      id: accountId,
      email: `${first}.${last}.${i}@demo.exhale.app`.toLowerCase(),
      displayName: `${first} ${last}`,
      role: 'practitioner' as const,
    },
    practitioner: {
      id,
      accountId,
      // Every twentieth applied but is not verified yet: the admin queue has something in it.
      status: i % 20 === 19 ? ('applied' as const) : ('verified' as const),
      displayName: `${first} ${last}`,
      headline: `${specialties[0]![0]!.toUpperCase()}${specialties[0]!.slice(1)} and ${specialties[1] ?? 'stress'} through ${method}`,
      bio:
        `I am ${background} and have guided breathwork for ${years} years. ` +
        `My sessions lean on ${method}, adapted to what your body needs that day. ` +
        `Most people come to me for ${specialties.join(', ')}; we start gently, ` +
        `with no strain and no breath holds you are not comfortable with.`,
      photoUrl: null,
      timeZone: place.timeZone,
      languages: place.languages,
      specialties,
      bufferBeforeMinutes: pick([0, 5, 10, 15], i),
      bufferAfterMinutes: pick([10, 15, 5, 0], i),
      minNoticeMinutes: pick([120, 720, 1440, 240], i),
      horizonDays: pick([30, 60, 45], i),
      verifiedAt: i % 20 === 19 ? null : new Date('2025-01-01T00:00:00Z'),
      minPriceCents: basePrice,
    },
    certifications: [0, 1].slice(0, 1 + (i % 2)).map((k) => {
      const cert = pick(CERTIFICATIONS, i + k * 2);
      return {
        id: stableUuid(`demo-cert-${i}-${k}`),
        practitionerId: id,
        ...cert,
        year: 2024 - ((i + k * 3) % 12),
        status: i % 20 === 19 ? ('pending' as const) : ('verified' as const),
        verifiedAt: i % 20 === 19 ? null : new Date('2025-01-01T00:00:00Z'),
      };
    }),
    sessionTypes: [
      { minutes: 30, title: 'Introductory session', price: basePrice, window: 24 },
      {
        minutes: 60,
        title: 'Full session',
        price: basePrice * 2 - 1000,
        window: pick([24, 48, 12], i),
      },
      ...(i % 3 === 0
        ? [{ minutes: 90, title: 'Deep practice', price: basePrice * 3 - 2000, window: 48 }]
        : []),
    ].map((t, k) => ({
      id: stableUuid(`demo-session-${i}-${k}`),
      practitionerId: id,
      title: t.title,
      description: `${t.minutes} minutes of ${method}, one to one by video.`,
      durationMinutes: t.minutes,
      priceCents: t.price,
      currency: 'eur',
      cancellationWindowHours: t.window,
    })),
    rules: pick(WEEKS, i).flatMap(([weekdays, startMinute, endMinute]) =>
      weekdays.map((weekday) => ({
        id: stableUuid(`demo-rule-${i}-${weekday}-${startMinute}`),
        practitionerId: id,
        weekday,
        startMinute,
        endMinute,
      })),
    ),
  };
}

const BATCH = 500;

/**
 * Inserts demo practitioners 0…count−1 that are not there yet; returns their ids. The
 * caller refreshes next availability (it depends on the clock).
 */
export async function seedDemoPractitioners(db: AppDatabase, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let from = 0; from < count; from += BATCH) {
    const demos = Array.from({ length: Math.min(BATCH, count - from) }, (_, k) =>
      demoPractitioner(from + k),
    );
    await db.transaction(async (tx) => {
      await tx
        .insert(accounts)
        .values(demos.map((d) => d.account))
        .onConflictDoNothing();
      const inserted = await tx
        .insert(practitioners)
        .values(demos.map((d) => d.practitioner))
        .onConflictDoNothing()
        .returning({ id: practitioners.id });
      const fresh = new Set(inserted.map((row) => row.id));
      const added = demos.filter((d) => fresh.has(d.practitioner.id));
      if (added.length === 0) return;
      await tx.insert(certifications).values(added.flatMap((d) => d.certifications));
      await tx.insert(sessionTypes).values(added.flatMap((d) => d.sessionTypes));
      await tx.insert(availabilityRules).values(added.flatMap((d) => d.rules));
      ids.push(...fresh);
    });
  }
  return ids;
}

export async function practitionerCount(db: AppDatabase): Promise<number> {
  const result = await db.execute<{ count: number }>(
    sql`select count(*)::int as count from ${practitioners}`,
  );
  return result.rows[0]?.count ?? 0;
}
