import type { Kysely } from 'kysely';
import { addDays, addMonths } from '../deadlines/calendar.ts';
import type { Database } from '../platform/db/schema.ts';
import { validateComment } from './comments.ts';
import { type ExampleInput, validateExample } from './examples.ts';

/**
 * The demo's good examples (issue 18): six published posts drawn from the source texts, each with
 * an evidence label, one stale, one a visit report, one waiting for review; approved comments on
 * three and one pending. Written by Sjöviks kommun's social services and by BUP Sjövik, reviewed
 * by an editor of the other organisation. Every text passes the same validation as the form.
 */

interface DemoAuthor {
  userId: string;
  municipalityId: string;
  organisationKey: string;
  organisationName: string;
}

interface DemoExample {
  input: ExampleInput;
  /** Days before today it was published; null: waits for review. */
  publishedDaysAgo: number | null;
  /** Months since the last review (24 or more: stale). */
  reviewedMonthsAgo?: number;
  by: 'socialServices' | 'bup';
  comments?: { name: string; email: string; body: string; approved: boolean }[];
}

const contact = { contactRole: 'Enhetschef, Barn och unga', contactEmail: 'barnochunga@sjovik.example' };

const examples: DemoExample[] = [
  {
    by: 'socialServices',
    publishedDaysAgo: 40,
    input: {
      kind: 'example',
      title: 'Skolfam: skolstöd för barn i familjehem',
      area: 'schooling',
      themes: ['familyHomes', 'schoolAttendance'],
      targetGroups: ['childrenPlacedOutOfHome', 'fosterFamilies', 'schoolChildren'],
      problem:
        'Barn som bor i familjehem lämnar ofta grundskolan utan fullständiga betyg. Skolan och socialtjänsten visste för lite om varandras arbete.',
      whatWasDone:
        'Ett Skolfam-team med psykolog och specialpedagog kartlägger varje barns förutsättningar vid placeringen och följer upp två gånger om året tillsammans med familjehemmen och skolan.',
      results: 'Fler av barnen i familjehemmen nådde målen i svenska och matematik efter två år.',
      resultValues: [
        {
          label: 'Andel som nådde målen i matematik',
          value: '64',
          unit: '%',
          on: '2026-06-30',
          source: 'Skolans betygsstatistik',
        },
      ],
      periodFrom: '2024-08-15',
      tags: 'skolfam, familjehem, skolresultat',
      evidence: 'methodWithSystematicReview',
      evidenceReference:
        'Skolfam finns beskrivet i Socialstyrelsens metodguide; läs vad översikten kom fram till.',
      evidenceUrl: 'https://www.socialstyrelsen.se/',
      ...contact,
    },
    comments: [
      {
        name: 'Lena Holm',
        email: 'lena.holm@example.se',
        body: 'Vi har börjat med samma sak i vår kommun. <em>Kartläggningen vid placeringen</em> var det som gjorde skillnad.',
        approved: true,
      },
      {
        name: 'Per Ek',
        email: 'per.ek@example.se',
        body: 'Hur har ni ordnat samarbetet med skolor i andra kommuner, när barnet går i skola där familjehemmet bor?',
        approved: true,
      },
    ],
  },
  {
    by: 'socialServices',
    publishedDaysAgo: 25,
    input: {
      kind: 'example',
      title: 'Bokpaket till familjehemmen',
      area: 'schooling',
      themes: ['familyHomes'],
      targetGroups: ['childrenPlacedOutOfHome', 'schoolChildren'],
      problem: 'Läsningen är en nyckel till skolan, men många placerade barn har få egna böcker.',
      whatWasDone:
        'Biblioteket skickar, inspirerat av Letterbox Club, ett bokpaket varannan månad till varje barn i familjehemmen: böcker valda efter ålder, ett spel och ett brev.',
      results: 'Familjehemmen berättar att barnen läser mer och väntar på paketen.',
      periodFrom: '2025-01-01',
      tags: 'läsning, bibliotek, bokpaket',
      evidence: 'localResult',
      ...contact,
    },
    comments: [
      {
        name: 'Anna Berg, bibliotekarie',
        email: 'anna.berg@example.se',
        body: 'Fint! Läs gärna om <a href="https://www.letterboxclub.org.uk/">Letterbox Club</a>, som det bygger på.',
        approved: true,
      },
      {
        name: 'Okänd',
        email: 'noreply@example.se',
        body: 'Får man skicka egna böcker till paketen?',
        approved: false,
      },
    ],
  },
  {
    by: 'socialServices',
    publishedDaysAgo: 60,
    input: {
      kind: 'example',
      title: 'Mentorer för nya socialsekreterare',
      area: 'qualityOfWork',
      themes: ['staffingAndCompetence', 'workload'],
      targetGroups: ['staff'],
      problem: 'Nya socialsekreterare slutade ofta inom ett år. De saknade någon att fråga i vardagen.',
      whatWasDone:
        'Som i Växjö får varje ny socialsekreterare en erfaren kollega som mentor under det första året, med en timme i veckan avsatt och en introduktion i tre steg.',
      results: 'Personalomsättningen bland nyanställda minskade under de två första åren.',
      resultValues: [
        {
          label: 'Nyanställda som slutade inom ett år',
          value: '12',
          unit: '%',
          on: '2026-01-31',
          source: 'Personalenhetens statistik',
        },
      ],
      periodFrom: '2023-09-01',
      cost: 'En timme i veckan per mentor, inom befintlig budget.',
      tags: 'mentor, introduktion, personal',
      evidence: 'evaluatedWithReport',
      evidenceReference: 'Intern utvärdering, Sjöviks kommun 2025.',
      ...contact,
    },
  },
  {
    by: 'bup',
    publishedDaysAgo: 800,
    reviewedMonthsAgo: 26,
    input: {
      kind: 'example',
      title: 'Älskade barn: föräldragrupper för nyanlända föräldrar',
      area: 'childrensEnvironment',
      themes: ['parentingSupport', 'informationToFamilies'],
      targetGroups: ['parents', 'newlyArrivedFamilies'],
      problem:
        'Nyanlända föräldrar visste lite om vad socialtjänst, skola och vård i Sverige gör, och var oroliga för att fråga.',
      whatWasDone:
        'BUP och socialtjänsten leder tillsammans föräldragrupper med tolk, åtta träffar, om barns utveckling, skolan och var man får stöd.',
      results: 'Föräldrarna uppgav i enkäten efteråt att de visste mer om var de kan få stöd.',
      periodFrom: '2023-02-01',
      periodTo: '2024-06-30',
      tags: 'föräldrastöd, nyanlända, tolk',
      evidence: 'localResult',
      contactRole: 'Samordnare, BUP Sjövik',
      contactEmail: 'bup@region-sjovik.example',
    },
    comments: [
      {
        name: 'Sara Lind',
        email: 'sara.lind@example.se',
        body: 'Vi vill gärna veta mer om hur ni fick tolkarna att räcka till. <q>Åtta träffar</q> låter rimligt.',
        approved: true,
      },
    ],
  },
  {
    by: 'socialServices',
    publishedDaysAgo: 15,
    input: {
      kind: 'example',
      title: 'Gemensamma hembesök med polisen efter en händelse',
      area: 'coordinationAndCollaboration',
      themes: ['policeCollaboration', 'earlyCoordinatedEfforts'],
      targetGroups: ['teenagers', 'parents'],
      problem: 'Efter en händelse dröjde det ofta veckor innan familjen fick träffa socialtjänsten.',
      whatWasDone:
        'Polisen och socialtjänsten åker tillsammans till familjen inom ett dygn, med familjens samtycke, och erbjuder stöd direkt. Vad som får delas mellan myndigheterna följer sekretessreglerna.',
      results: 'Fler familjer tackade ja till stöd när de fick erbjudandet i samband med besöket.',
      periodFrom: '2025-03-01',
      tags: 'polis, hembesök, tidiga insatser',
      evidence: 'localResult',
      ...contact,
    },
  },
  {
    by: 'socialServices',
    publishedDaysAgo: 5,
    input: {
      kind: 'visitReport',
      title: 'Besöksrapport: länsnätverkets träff om samverkan',
      area: 'coordinationAndCollaboration',
      themes: ['collaborationBetweenMunicipalities', 'childPsychiatryCollaboration'],
      targetGroups: ['staff'],
      problem: 'Kommunerna i länet arbetar med samma frågor var för sig.',
      whatWasDone:
        'Vid träffen berättade varje kommun om sin handlingsplan. Nätverket enades om en gemensam folder på lättläst svenska om vad samverkan innebär för familjer, som i Gotlands BarnSam.',
      results: 'Foldern trycks under våren; nästa träff följer upp hur den används.',
      periodFrom: '2026-09-01',
      tags: 'länsnätverk, lättläst, barnsam',
      evidence: 'localResult',
      ...contact,
    },
  },
  {
    by: 'bup',
    publishedDaysAgo: null,
    input: {
      kind: 'example',
      title: 'Familjehemmen får konsultation av BUP',
      area: 'health',
      themes: ['familyHomes', 'childPsychiatryCollaboration'],
      targetGroups: ['fosterFamilies'],
      problem: 'Familjehemmen visste inte vart de skulle vända sig med frågor om barnens psykiska hälsa.',
      whatWasDone: 'BUP erbjuder familjehemmen en telefontid i veckan för konsultation.',
      results: 'Familjehemmen ringer och får råd utan remiss.',
      tags: 'familjehem, bup, konsultation',
      evidence: 'localResult',
      contactRole: 'Samordnare, BUP Sjövik',
      contactEmail: 'bup@region-sjovik.example',
    },
  },
];

export async function seedGoodPracticeDemo(
  db: Kysely<Database>,
  { today, socialServices, bup }: { today: string; socialServices: DemoAuthor; bup: DemoAuthor },
): Promise<number> {
  await db
    .updateTable('user_account')
    .set({ good_practice_editor: true })
    .where('id', 'in', [socialServices.userId, bup.userId])
    .execute();
  for (const example of examples) {
    const author = example.by === 'bup' ? bup : socialServices;
    const reviewer = example.by === 'bup' ? socialServices : bup;
    const outcome = validateExample(example.input, { guard: { today, confirmed: true } });
    if (!outcome.ok)
      throw new Error(`demo example "${example.input.title}": ${JSON.stringify(outcome.errors)}`);
    const v = outcome.value;
    const published = example.publishedDaysAgo !== null;
    const publishedOn = published ? addDays(today, -(example.publishedDaysAgo ?? 0)) : null;
    const reviewedOn =
      published && example.reviewedMonthsAgo ? addMonths(today, -example.reviewedMonthsAgo) : publishedOn;
    const row = await db
      .insertInto('good_practice')
      .values({
        kind: v.kind,
        author_user_id: author.userId,
        author_municipality_id: author.municipalityId,
        author_organisation_key: author.organisationKey,
        author_organisation_name: author.organisationName,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('good_practice_revision')
      .values({
        example_id: row.id,
        revision_no: 1,
        state: published ? 'published' : 'inReview',
        title: v.title,
        area: v.area,
        themes: v.themes,
        target_groups: v.targetGroups,
        problem: v.problem,
        what_was_done: v.whatWasDone,
        results: v.results,
        result_values: JSON.stringify(v.resultValues),
        period_from: v.periodFrom,
        period_to: v.periodTo,
        cost: v.cost,
        contact_name: v.contact.name,
        contact_role: v.contact.role,
        contact_email: v.contact.email,
        contact_phone: v.contact.phone,
        links: JSON.stringify(v.links),
        tags: v.tags,
        tags_text: v.tags.join(' '),
        evidence_level: v.evidence.level,
        evidence_reference: v.evidence.reference,
        evidence_url: v.evidence.url,
        county_code: published ? demoCounty : null,
        size_band: published ? '25kTo50k' : null,
        written_by: author.userId,
        reviewed_by: published ? reviewer.userId : null,
        published_on: publishedOn,
        last_reviewed_on: reviewedOn,
      })
      .execute();
    await db
      .insertInto('collaboration_change')
      .values([
        {
          record_type: 'goodPractice',
          record_id: row.id,
          action: 'created',
          actor_user_id: author.userId,
          actor_name: author.organisationName,
        },
        ...(published
          ? [
              {
                record_type: 'goodPractice',
                record_id: row.id,
                action: 'publish',
                actor_user_id: reviewer.userId,
                actor_name: reviewer.organisationName,
              },
            ]
          : [
              {
                record_type: 'goodPractice',
                record_id: row.id,
                action: 'submit',
                actor_user_id: author.userId,
                actor_name: author.organisationName,
              },
            ]),
      ])
      .execute();
    for (const [i, comment] of (example.comments ?? []).entries()) {
      const c = validateComment(comment, today);
      if (!c.ok) throw new Error(`demo comment: ${JSON.stringify(c.errors)}`);
      await db
        .insertInto('good_practice_comment')
        .values({
          example_id: row.id,
          state: comment.approved ? 'approved' : 'pending',
          name: c.value.name,
          email: c.value.email,
          body_html: c.value.bodyHtml,
          moderator_warnings: JSON.stringify(c.value.moderatorWarnings),
          posted_at: new Date(
            Date.parse(`${addDays(today, -Math.max(1, (example.publishedDaysAgo ?? 2) - 2 - i))}T10:00:00Z`),
          ),
          moderated_by: comment.approved ? reviewer.userId : null,
          moderated_at: comment.approved ? new Date() : null,
        })
        .execute();
    }
  }
  return examples.length;
}

/** Sjövik is fictional; its examples are filed under a county so that the county facet shows. */
const demoCounty = '23';
