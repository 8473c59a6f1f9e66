/**
 * The simulator's seeded, deterministic demo world: one Facebook user, Pages with
 * different task sets and Page experiences, brand Instagram accounts, and a few
 * hundred creators whose partnership-ad permissions cover every status, including
 * ones Meta's docs do not list.
 */
export type PageTask = 'MANAGE' | 'CREATE_CONTENT' | 'MODERATE' | 'ADVERTISE' | 'ANALYZE';

export interface SimInstagramAccount {
  id: string;
  username: string;
  name: string;
  profilePictureUrl: string;
}

export interface SimPage {
  id: string;
  name: string;
  tasks: PageTask[];
  newPageExperience: boolean;
  instagram?: SimInstagramAccount;
}

export interface SimCreator {
  id: string;
  username: string;
  fbPageId: string;
}

export interface SimPermission {
  id: string;
  brandIgId: string;
  creatorId: string;
  /** As the list edge writes it: any casing, an undocumented word, or digits (see shape). */
  status: string;
  createdTime: string;
  /** How the list edge writes this record, in the variant world (see RECORD_SHAPES). */
  shape?: RecordShape;
}

/**
 * The ways Meta's documents, SDKs and third parties show a permission record (see
 * meta-graph-notes.md): the variant world gives one to each of a few records.
 * reference: the v25 reference's fields. unix-seconds / unix-ms: numeric times.
 * numeric-ids: IDs as JSON numbers above 2^53. no-username: creator_ig_id only.
 * guide: the guide's names. sdk: the generated SDK's id, permission_type, status.
 * business-edge: integer status and time, nested creator_ig_user. odd-types: other fields of
 * unexpected types (an object time, a numeric URL, an array brand).
 */
export type RecordShape =
  'reference' | 'unix-seconds' | 'unix-ms' | 'numeric-ids' | 'no-username' | 'guide' | 'sdk' | 'business-edge' | 'odd-types';

/** The variant world's records of @northwind.outdoor: creator, shape and status as Meta writes it. */
export const VARIANT_RECORDS: ReadonlyArray<{ username: string; shape: RecordShape; status: string; word: string }> = [
  { username: 'variant.reference', shape: 'reference', status: 'APPROVED', word: 'Approved' },
  { username: 'variant.seconds', shape: 'unix-seconds', status: 'APPROVED', word: 'Approved' },
  { username: 'variant.millis', shape: 'unix-ms', status: 'PENDING', word: 'Pending' },
  { username: 'variant.numeric', shape: 'numeric-ids', status: 'APPROVED', word: 'Approved' },
  { username: 'variant.lower', shape: 'reference', status: 'approved', word: 'Approved' },
  { username: 'variant.awaiting', shape: 'reference', status: 'PENDING_APPROVAL', word: 'Pending' },
  { username: 'variant.rejected', shape: 'reference', status: 'REJECTED', word: 'Rejected' },
  { username: 'variant.removed', shape: 'reference', status: 'SELF_REMOVED', word: 'Removed by creator' },
  { username: 'variant.cancelled', shape: 'reference', status: 'Cancelled', word: 'Canceled' },
  { username: 'variant.expired', shape: 'reference', status: 'EXPIRED', word: 'Expired' },
  { username: 'variant.review', shape: 'reference', status: 'IN_REVIEW', word: 'IN_REVIEW' },
  { username: 'variant.nameless', shape: 'no-username', status: 'APPROVED', word: 'Approved' },
  { username: 'variant.guide', shape: 'guide', status: 'PENDING_APPROVAL', word: 'Pending' },
  { username: 'variant.sdk', shape: 'sdk', status: 'approved', word: 'Approved' },
  { username: 'variant.business', shape: 'business-edge', status: '2', word: 'Approved' },
  { username: 'variant.odd', shape: 'odd-types', status: 'PENDING', word: 'Pending' },
];

/** The variant.numeric creator's ID: above 2^53 and odd, so a plain JSON.parse changes it. */
export const UNSAFE_CREATOR_ID = '17841460000099999';

export interface DemoWorld {
  user: { id: string; name: string };
  /**
   * The variant world's account reads (/me, /me/accounts) with the odd types Meta's sources
   * allow: IDs as JSON numbers, a task that is not a word, a Page with no name, fields of the
   * Instagram account of other types, and a last page whose after cursor is null.
   */
  oddAccountTypes?: boolean;
  pages: SimPage[];
  creators: SimCreator[];
  permissions: SimPermission[];
}

const ALL_TASKS: PageTask[] = ['MANAGE', 'CREATE_CONTENT', 'MODERATE', 'ADVERTISE', 'ANALYZE'];

/** Small seeded PRNG (mulberry32) so every run of the demo sees the same world. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function brand(id: string, username: string, name: string): SimInstagramAccount {
  return { id, username, name, profilePictureUrl: `https://example.invalid/avatars/${username}.png` };
}

export const DEMO_BRANDS = {
  northwind: brand('17841400000000001', 'northwind.outdoor', 'Northwind Outdoor'),
  lumen: brand('17841400000000002', 'lumen.skincare', 'Lumen Skincare'),
  harbor: brand('17841400000000003', 'harborcoffee', 'Harbor Coffee Co.'),
};

const FIRST = [
  'maya',
  'leo',
  'ivy',
  'noah',
  'zara',
  'kai',
  'ruby',
  'theo',
  'luna',
  'omar',
  'nina',
  'eli',
  'sofia',
  'finn',
  'ava',
  'milo',
  'iris',
  'jude',
  'cleo',
  'remy',
];
const SECOND = [
  'trails',
  'eats',
  'studio',
  'daily',
  'wanders',
  'fit',
  'cooks',
  'style',
  'outdoors',
  'films',
  'reads',
  'makes',
  'glow',
  'roams',
  'brews',
];

export function demoCreatorUsernames(count: number): string[] {
  const names: string[] = [];
  for (let i = 0; names.length < count; i++) {
    const first = FIRST[i % FIRST.length]!;
    const second = SECOND[Math.floor(i / FIRST.length) % SECOND.length]!;
    const round = Math.floor(i / (FIRST.length * SECOND.length));
    const separator = i % 3 === 0 ? '.' : '_';
    names.push(round === 0 ? `${first}${separator}${second}` : `${first}${separator}${second}${round + 1}`);
  }
  return names;
}

/** Status mix for a brand's list: weights over the documented and undocumented values. */
const STATUS_WEIGHTS: Array<[string, number]> = [
  ['APPROVED', 45],
  ['PENDING', 25],
  ['REVOKED', 15],
  ['REJECTED', 6], // seen by third parties, not in Meta's docs
  ['pending', 3], // other casing
  ['CANCELED', 3],
  ['EXPIRED', 3], // undocumented value: must be shown as received
];

function pickStatus(random: () => number): string {
  const total = STATUS_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [status, weight] of STATUS_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return status;
  }
  return 'APPROVED';
}

/** An agency's book: many brand accounts with many creators each (the benchmark's big-account world). */
export interface AgencyWorld {
  /** Brand accounts besides the demo's, each on a Page the person manages fully. */
  brands: number;
  creatorsPerBrand: number;
  /** How many creators @northwind.outdoor's list holds. */
  northwindCreators: number;
}

export function createDemoWorld(
  options: { seed?: number; creators?: number; extraPages?: number; variants?: boolean; agency?: AgencyWorld } = {},
): DemoWorld {
  const random = seededRandom(options.seed ?? 20261122);
  const pages: SimPage[] = [
    { id: '200000000000001', name: 'Northwind Outdoor', tasks: [...ALL_TASKS], newPageExperience: true, instagram: DEMO_BRANDS.northwind },
    {
      id: '200000000000002',
      name: 'Lumen Skincare',
      tasks: ['ADVERTISE', 'ANALYZE'],
      newPageExperience: true,
      instagram: DEMO_BRANDS.lumen,
    },
    { id: '200000000000003', name: 'Harbor Coffee Co.', tasks: ['ANALYZE'], newPageExperience: false, instagram: DEMO_BRANDS.harbor },
    { id: '200000000000004', name: 'Pixel & Pine Studio', tasks: ['CREATE_CONTENT', 'MODERATE', 'ANALYZE'], newPageExperience: false },
    { id: '200000000000005', name: 'Fieldnotes Agency', tasks: ['MODERATE', 'ANALYZE'], newPageExperience: true },
  ];
  for (let i = 1; i <= (options.extraPages ?? 0); i++) {
    const tasks = ALL_TASKS.filter(() => random() < 0.5);
    pages.push({
      id: `3000000${String(i).padStart(8, '0')}`,
      name: `Client Page ${String(i).padStart(3, '0')}`,
      tasks: tasks.length > 0 ? tasks : ['ANALYZE'],
      newPageExperience: i % 2 === 0,
    });
  }

  const creators: SimCreator[] = demoCreatorUsernames(options.creators ?? 320).map((username, index) => ({
    // IDs are built as strings: numbers this large lose precision in JavaScript.
    id: `178414500${String(index * 7 + 1).padStart(8, '0')}`,
    username,
    fbPageId: `1000900${String(index).padStart(8, '0')}`,
  }));

  const permissions: SimPermission[] = [];
  const listSizes: Array<[SimInstagramAccount, number]> = [
    [DEMO_BRANDS.northwind, Math.min(240, creators.length)],
    [DEMO_BRANDS.lumen, Math.min(60, creators.length)],
    [DEMO_BRANDS.harbor, Math.min(12, creators.length)],
  ];
  const start = Date.UTC(2026, 0, 5);
  for (const [brandAccount, size] of listSizes) {
    for (let i = 0; i < size; i++) {
      const creator = creators[(i * 13 + brandAccount.username.length) % creators.length]!;
      if (permissions.some((p) => p.brandIgId === brandAccount.id && p.creatorId === creator.id)) continue;
      permissions.push({
        id: `perm_${brandAccount.id.slice(-3)}_${creator.id.slice(-6)}`,
        brandIgId: brandAccount.id,
        creatorId: creator.id,
        status: pickStatus(random),
        createdTime: new Date(start + Math.floor(random() * 300) * 86_400_000).toISOString().replace('.000Z', '+0000'),
      });
    }
  }

  if (options.variants) addVariantRecords(creators, permissions, start);
  if (options.agency) addAgencyBook(options.agency, pages, creators, permissions, random, start);
  return { user: { id: '10158000000000001', name: 'Dana Reyes' }, pages, creators, permissions, oddAccountTypes: options.variants };
}

function addAgencyBook(
  agency: AgencyWorld,
  pages: SimPage[],
  creators: SimCreator[],
  permissions: SimPermission[],
  random: () => number,
  start: number,
): void {
  const taken = new Set(permissions.map((permission) => `${permission.brandIgId}/${permission.creatorId}`));
  const add = (brandIgId: string, creator: SimCreator) => {
    const key = `${brandIgId}/${creator.id}`;
    if (taken.has(key)) return;
    taken.add(key);
    permissions.push({
      id: `perm_${brandIgId.slice(-4)}_${creator.id.slice(-8)}`,
      brandIgId,
      creatorId: creator.id,
      status: pickStatus(random),
      createdTime: new Date(start + Math.floor(random() * 300) * 86_400_000).toISOString().replace('.000Z', '+0000'),
    });
  };
  for (let i = 0; i < Math.min(agency.northwindCreators, creators.length); i++) add(DEMO_BRANDS.northwind.id, creators[i]!);
  for (let b = 1; b <= agency.brands; b++) {
    const number = String(b).padStart(3, '0');
    const account = brand(`178414700${String(b).padStart(8, '0')}`, `client.brand${number}`, `Client Brand ${number}`);
    pages.push({
      id: `4000000${String(b).padStart(8, '0')}`,
      name: `Client Brand ${number}`,
      tasks: [...ALL_TASKS],
      newPageExperience: true,
      instagram: account,
    });
    for (let j = 0; j < agency.creatorsPerBrand; j++) add(account.id, creators[(j * 7 + b * 31) % creators.length]!);
  }
}

function addVariantRecords(creators: SimCreator[], permissions: SimPermission[], start: number): void {
  VARIANT_RECORDS.forEach(({ username, shape, status }, index) => {
    const creator: SimCreator = {
      id: shape === 'numeric-ids' ? UNSAFE_CREATOR_ID : `178414610000${String(index * 2 + 1).padStart(5, '0')}`,
      username,
      fbPageId: `1000910${String(index).padStart(8, '0')}`,
    };
    creators.push(creator);
    permissions.unshift({
      id: `perm_variant_${String(index).padStart(2, '0')}`,
      brandIgId: DEMO_BRANDS.northwind.id,
      creatorId: creator.id,
      status,
      createdTime: new Date(start + index * 86_400_000).toISOString().replace('.000Z', '+0000'),
      shape,
    });
  });
}
