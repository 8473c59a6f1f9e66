import { DEMO_BRANDS, seededRandom, type DemoWorld } from './demo-data';

/**
 * The simulator's partnership content (Meta's Content Discovery edge, meta-graph-notes.md):
 * the businesses the brands' Pages belong to, and the posts creators made with the brands,
 * with the variety Meta's sources allow. Seeded, so every run sees the same posts.
 */
export interface SimBusiness {
  id: string;
  name: string;
}

export interface SimContentPost {
  contentId: string;
  brandIgId: string;
  creatorId: string;
  creatorUsername: string;
  platform: string;
  mediaType: string;
  postType: string;
  caption: string;
  /** The post's code in its link (instagram.com/p/CODE/). */
  postCode: string;
  permalink: string;
  /** YYYY-MM-DD */
  creationDay: string;
  isRecommended: boolean;
  /** As the edge writes it: NEVER_USED, ACTIVE, PREVIOUSLY_USED, in any case. */
  adUsage: string;
  /** Undefined: the post comes without partnership_info at all. */
  eligibility?: string;
  adCode?: string;
  contentTypes: string[];
  /** null: organic_insights is null; a missing name: that count is not given. */
  insights: Partial<Record<'likes' | 'comments' | 'views' | 'reach' | 'shares' | 'saves' | 'interaction', number>> | null;
  /** The content and author IDs are written as bare JSON numbers (above 2^53). */
  numericIds?: boolean;
}

export interface SimContentWorld {
  businesses: SimBusiness[];
  /** The `business` field of each Page; a Page not listed has none (Meta gives the field only to owned Pages). */
  pageBusiness: Record<string, string>;
  /** Which brands' content each business may read (the Page as an owned or a shared asset). */
  businessBrands: Record<string, string[]>;
  posts: SimContentPost[];
}

export const DEMO_BUSINESSES = {
  northwind: { id: '900000000000001', name: 'Northwind Group' },
  lumen: { id: '900000000000002', name: 'Lumen Labs' },
} satisfies Record<string, SimBusiness>;

/** How many posts @northwind.outdoor has: three pages at Meta's default of 25. */
export const NORTHWIND_POSTS = 60;

/** The post whose IDs come as bare numbers: a plain JSON.parse changes its last digits. */
export const UNSAFE_CONTENT_ID = '18099999999999999';

const ELIGIBILITIES = ['AD_READY', 'AD_READY', 'AD_READY', 'NEEDS_ATTENTION', 'INELIGIBLE', 'EXCLUDED'];
const USAGES = ['NEVER_USED', 'NEVER_USED', 'ACTIVE', 'PREVIOUSLY_USED'];
const KINDS: Array<[string, string]> = [
  ['IMAGE', 'FEED'],
  ['VIDEO', 'REEL'],
  ['CAROUSEL_ALBUM', 'FEED'],
  ['VIDEO', 'STORY'],
];
const TOPICS = ['Sunrise on the ridge', 'Packing list for three days', 'Rain test, no leaks', 'Camp coffee', 'Trail run in the new shell'];

export function createContentWorld(world: DemoWorld): SimContentWorld {
  const random = seededRandom(20261207);
  // The first eight creators who approved the brand post with it (a Set: the benchmark's worlds hold many thousands).
  const approvedOf = (brandIgId: string) => {
    const ids = new Set(
      world.permissions
        .filter((permission) => permission.brandIgId === brandIgId && permission.status.toUpperCase() === 'APPROVED')
        .map((permission) => permission.creatorId),
    );
    return world.creators.filter((creator) => ids.has(creator.id)).slice(0, 8);
  };
  const posts: SimContentPost[] = [];
  const addPosts = (brandIgId: string, count: number, serial: number) => {
    const creators = approvedOf(brandIgId);
    if (creators.length === 0) return;
    for (let index = 0; index < count; index++) {
      const creator = creators[index % creators.length]!;
      const [mediaType, postType] = KINDS[index % KINDS.length]!;
      const postCode = `C${serial}${String(index).padStart(3, '0')}Post${brandIgId.slice(-1)}`;
      const day = new Date(Date.UTC(2026, 10, 30) - index * 86_400_000 * 1.5).toISOString().slice(0, 10);
      const reach = Math.floor(random() * 50_000);
      posts.push({
        contentId: `18${serial}${String(index).padStart(13, '0')}`,
        brandIgId,
        creatorId: creator.id,
        creatorUsername: creator.username,
        platform: 'INSTAGRAM',
        mediaType,
        postType,
        caption: `${TOPICS[index % TOPICS.length]} with @${world.pages.find((page) => page.instagram?.id === brandIgId)?.instagram?.username} #ad`,
        postCode,
        permalink: `https://www.instagram.com/${postType === 'REEL' ? 'reel' : 'p'}/${postCode}/`,
        creationDay: day,
        isRecommended: index % 4 === 0,
        adUsage: USAGES[index % USAGES.length]!,
        eligibility: ELIGIBILITIES[index % ELIGIBILITIES.length],
        adCode: `AC${serial}x${String(index).padStart(4, '0')}${brandIgId.slice(-3)}=`,
        contentTypes: index % 5 === 0 ? ['BRANDED_CONTENT', 'COLLAB_POST'] : ['BRANDED_CONTENT'],
        insights: {
          reach,
          views: reach * 2,
          likes: Math.floor(reach / 12),
          comments: Math.floor(reach / 300),
          shares: Math.floor(reach / 500),
          saves: Math.floor(reach / 400),
          interaction: Math.floor(reach / 10),
        },
      });
    }
  };
  addPosts(DEMO_BRANDS.northwind.id, NORTHWIND_POSTS, 10);
  addPosts(DEMO_BRANDS.lumen.id, 8, 20);

  // The variety Meta's sources allow, on posts of @northwind.outdoor.
  const northwind = posts.filter((post) => post.brandIgId === DEMO_BRANDS.northwind.id);
  if (northwind.length === NORTHWIND_POSTS) {
    northwind[2]!.contentId = UNSAFE_CONTENT_ID;
    northwind[2]!.numericIds = true;
    northwind[5]!.insights = null;
    delete northwind[6]!.eligibility;
    delete northwind[6]!.adCode;
    northwind[7]!.insights = { likes: 12, comments: 0 };
    Object.assign(northwind[9]!, { adUsage: 'never_used', eligibility: 'ad_ready', platform: 'instagram', mediaType: 'image' });
    Object.assign(northwind[10]!, { adUsage: 'Active', eligibility: 'Needs_Attention' });
    northwind[11]!.eligibility = 'PENDING_REVIEW';
    northwind[13]!.caption = `${'A long story of the trail, told slowly. '.repeat(12)}🌲🏔️`;
  }
  return {
    businesses: [DEMO_BUSINESSES.northwind, DEMO_BUSINESSES.lumen],
    // Northwind's Page is owned by its business; Lumen's is only shared with both, so the person chooses.
    pageBusiness: { '200000000000001': DEMO_BUSINESSES.northwind.id },
    businessBrands: {
      [DEMO_BUSINESSES.northwind.id]: [DEMO_BRANDS.northwind.id, DEMO_BRANDS.lumen.id],
      [DEMO_BUSINESSES.lumen.id]: [DEMO_BRANDS.lumen.id],
    },
    posts,
  };
}
