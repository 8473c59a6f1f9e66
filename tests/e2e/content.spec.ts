import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { translatorFor } from '@/utils/i18n/translate';
import { NORTHWIND_POSTS, UNSAFE_CONTENT_ID, type SimContentPost } from '../simulator/content-data';
import type { SimulatorControl } from '../simulator/control';
import { DEFAULT_APP_ID } from '../simulator/state';
import { connect, expect, openDashboard, test } from './fixtures';

const NORTHWIND = '17841400000000001';
const LUMEN = '17841400000000002';
const EDGE = 'partnership-ads-advertisable-content';

async function postsOf(sim: SimulatorControl, brandIgId = NORTHWIND): Promise<SimContentPost[]> {
  return (await sim.content()).posts.filter((post) => post.brandIgId === brandIgId);
}

function contentTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Partnership content' });
}

/** A post's row, found by the link to the post (its code is in no other row's link). */
function rowOf(page: Page, post: SimContentPost): Locator {
  return contentTable(page).locator('tbody tr', { has: page.locator(`a[href*="/${post.postCode}/"]`) });
}

/** A creator's row of Partnership permissions (exactly that @username: another may start with it). */
function permissionRow(page: Page, username: string): Locator {
  return page
    .getByRole('table', { name: 'Partnership permissions' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: `@${username}`, exact: true }) });
}

/** The requests of the content edge Meta received, in order. */
async function contentRequests(sim: SimulatorControl) {
  return (await sim.log()).filter((entry) => entry.method === 'GET' && entry.path.endsWith(EDGE));
}

async function openContent(page: Page): Promise<void> {
  await connect(page);
  await page.getByRole('link', { name: 'Content', exact: true }).click();
  await expect(contentTable(page)).toBeVisible();
}

/** What the clipboard holds, pasted into the lookup box as a person would. */
async function pasted(page: Page): Promise<string> {
  const box = page.getByRole('textbox', { name: 'Ad code or post link' });
  await box.fill('');
  await box.focus();
  await box.press('Control+V');
  const text = await box.inputValue();
  await box.fill('');
  return text;
}

test.describe('Content: partnership content of a brand', () => {
  test('60 posts over three pages are all listed after Load more twice, each row readable whatever Meta sent', async ({
    context,
    extensionId,
    sim,
  }) => {
    const posts = await postsOf(sim);
    expect(posts).toHaveLength(NORTHWIND_POSTS);
    const page = await openDashboard(context, extensionId);
    await openContent(page);
    const rows = contentTable(page).locator('tbody tr');
    await expect(rows).toHaveCount(25);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect(rows).toHaveCount(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect(rows).toHaveCount(60);
    // The last page came without paging: nothing more to load.
    await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
    await expect(page.getByText('60 posts shown')).toBeVisible();
    const links = await contentTable(page)
      .getByRole('link', { name: 'Open post' })
      .evaluateAll((anchors) =>
        anchors.map((anchor) => [anchor.getAttribute('href'), anchor.getAttribute('target'), anchor.getAttribute('rel')]),
      );
    expect(new Set(links.map(([href]) => href))).toEqual(new Set(posts.map((post) => post.permalink)));
    for (const [, target, rel] of links) {
      expect(target).toBe('_blank');
      expect(rel).toContain('noopener');
    }

    // The simulator's variety, row by row.
    const unsafe = posts.find((post) => post.contentId === UNSAFE_CONTENT_ID)!;
    await expect(rowOf(page, unsafe).getByRole('button', { name: 'Copy content ID' })).toBeVisible();
    const noInsights = posts.find((post) => post.insights === null)!;
    // Counts Meta did not give are blank, never zero.
    await expect(rowOf(page, noInsights).locator('td.number').first()).toHaveText('');
    const noPartnershipInfo = posts.find((post) => post.eligibility === undefined)!;
    await expect(rowOf(page, noPartnershipInfo)).toBeVisible();
    await expect(rowOf(page, noPartnershipInfo).getByRole('button', { name: 'Copy ad code' })).toHaveCount(0);
    const someCounts = posts.find((post) => post.insights && post.insights.reach === undefined && post.insights.likes === 12)!;
    await expect(rowOf(page, someCounts)).toContainText('12');
    const lowerCase = posts.find((post) => post.eligibility === 'ad_ready')!;
    await expect(rowOf(page, lowerCase)).toContainText('Ready for ads');
    await expect(rowOf(page, lowerCase)).toContainText('Never used');
    const mixedCase = posts.find((post) => post.eligibility === 'Needs_Attention')!;
    await expect(rowOf(page, mixedCase)).toContainText('Needs attention');
    await expect(rowOf(page, mixedCase)).toContainText('Running now');
    const unknown = posts.find((post) => post.eligibility === 'PENDING_REVIEW')!;
    await expect(rowOf(page, unknown)).toContainText('PENDING_REVIEW');
    // The creator's standing with the brand is in the row: the simulator's posting creators all approved it.
    await expect(rowOf(page, lowerCase).getByRole('rowheader')).toContainText(`@${lowerCase.creatorUsername}`);
    await expect(rowOf(page, lowerCase).getByRole('rowheader')).toContainText('Approved');
    // Three pages, three requests, each asking only for the fields shown.
    const requests = await contentRequests(sim);
    expect(requests).toHaveLength(3);
    for (const request of requests) expect(request.query.fields).toContain('partnership_info');
  });

  test('Copy content ID and Copy ad code put the exact strings on the clipboard', async ({ context, extensionId, sim }) => {
    const posts = await postsOf(sim);
    const page = await openDashboard(context, extensionId);
    await openContent(page);
    const unsafe = posts.find((post) => post.contentId === UNSAFE_CONTENT_ID)!;
    await rowOf(page, unsafe).getByRole('button', { name: 'Copy content ID' }).click();
    expect(await pasted(page)).toBe(UNSAFE_CONTENT_ID);
    const withCode = posts.find((post) => post.adCode && post !== unsafe)!;
    await rowOf(page, withCode).getByRole('button', { name: 'Copy ad code' }).click();
    expect(await pasted(page)).toBe(withCode.adCode);
  });

  test('filters are sent to Meta, and Meta’s answer is what the table shows', async ({ context, extensionId, sim }) => {
    const posts = await postsOf(sim);
    const page = await openDashboard(context, extensionId);
    await openContent(page);
    await sim.clearLog();
    await page.getByRole('combobox', { name: 'Eligibility' }).selectOption({ label: 'Ready for ads' });
    await page.getByRole('combobox', { name: 'Ad usage' }).selectOption({ label: 'Never used' });
    await page.getByRole('combobox', { name: 'Kind of post' }).selectOption({ label: 'Feed post' });
    await page.getByRole('textbox', { name: 'From', exact: true }).fill('2026-09-01');
    await page.getByRole('textbox', { name: 'To', exact: true }).fill('2026-11-30');
    await page.getByRole('combobox', { name: 'Order' }).selectOption({ label: 'Newest first' });
    const expected = posts.filter(
      (post) =>
        post.eligibility?.toUpperCase() === 'AD_READY' &&
        post.adUsage.toUpperCase() === 'NEVER_USED' &&
        post.postType === 'FEED' &&
        post.creationDay >= '2026-09-01' &&
        post.creationDay <= '2026-11-30',
    );
    expect(expected.length).toBeGreaterThan(0);
    await expect(contentTable(page).locator('tbody tr')).toHaveCount(expected.length);
    const last = (await contentRequests(sim)).at(-1)!;
    expect(last.query).toMatchObject({
      ad_eligibilities: '["AD_READY"]',
      ad_usages: '["NEVER_USED"]',
      post_types: '["FEED"]',
      start_date: '2026-09-01',
      end_date: '2026-11-30',
      sort_by: 'DATE',
      ig_user_id: NORTHWIND,
    });
    for (const post of expected) await expect(rowOf(page, post)).toContainText('Ready for ads');
  });

  test('lookup by ad code and post link shows just those posts and names the lines Meta does not know', async ({
    context,
    extensionId,
    sim,
  }) => {
    const posts = (await postsOf(sim)).filter((post) => post.adCode);
    const [byCode, byLink] = [posts[20]!, posts[40]!];
    const page = await openDashboard(context, extensionId);
    await openContent(page);
    await page
      .getByRole('textbox', { name: 'Ad code or post link' })
      .fill([byCode.adCode, byLink.permalink, 'UNKNOWNCODE12345', 'https://example.com/not-a-post'].join('\n'));
    await page.getByRole('button', { name: 'Find posts' }).click();
    await expect(contentTable(page).locator('tbody tr')).toHaveCount(2);
    await expect(rowOf(page, byCode)).toBeVisible();
    await expect(rowOf(page, byLink)).toBeVisible();
    await expect(page.getByText('Meta does not know UNKNOWNCODE12345 for this brand.')).toBeVisible();
    await expect(page.getByText('https://example.com/not-a-post is not an ad code or an Instagram post link.')).toBeVisible();
    const lookups = (await contentRequests(sim)).filter((entry) => entry.query.ad_codes || entry.query.permalinks);
    expect(lookups.map((entry) => Object.keys(entry.query).filter((name) => name === 'ad_codes' || name === 'permalinks'))).toEqual([
      ['ad_codes'],
      ['permalinks'],
    ]);
    // Export CSV writes the rows shown: the two found.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^\uFEFF?content_id,creator_username,/);
    expect(lines).toHaveLength(3);
    expect(csv).toContain(byCode.adCode!);
    expect(csv).toContain(byLink.permalink);

    await page.getByRole('button', { name: 'Show all posts' }).click();
    await expect(contentTable(page).locator('tbody tr')).toHaveCount(25);
  });

  test('Posts ready for ads, from an Approved creator in Partnership permissions, opens Content filtered to that creator at Meta', async ({
    context,
    extensionId,
    sim,
  }) => {
    const posts = await postsOf(sim);
    const creator = { id: posts[1]!.creatorId, username: posts[1]!.creatorUsername };
    const theirs = posts.filter((post) => post.creatorId === creator.id);
    const page = await openDashboard(context, extensionId);
    await connect(page);
    await page.getByRole('link', { name: 'Partnerships' }).click();
    await page.getByRole('searchbox', { name: 'Search creators' }).fill(creator.username);
    const row = permissionRow(page, creator.username);
    await expect(row).toContainText('Approved');
    await sim.clearLog();
    await row.getByRole('link', { name: 'Posts ready for ads' }).click();
    await expect(page).toHaveURL(new RegExp(`#content\\?(brand=${NORTHWIND}&)?creator=${creator.id}$`));
    await expect(contentTable(page).locator('tbody tr')).toHaveCount(theirs.length);
    await expect(page.getByRole('combobox', { name: 'Creator', exact: true })).toHaveValue(creator.id);
    const requests = await contentRequests(sim);
    expect(requests.at(-1)!.query.ad_partner_ig_user_ids).toBe(JSON.stringify([creator.id]));
    // A creator not yet Approved has no such link.
    const world = await sim.world();
    const pending = world.permissions.find((permission) => permission.brandIgId === NORTHWIND && /^pending$/i.test(permission.status))!;
    const pendingName = world.creators.find((candidate) => candidate.id === pending.creatorId)!.username;
    await page.getByRole('link', { name: 'Partnerships' }).click();
    await page.getByRole('searchbox', { name: 'Search creators' }).fill(pendingName);
    const pendingRow = permissionRow(page, pendingName);
    await expect(pendingRow).toContainText('Pending');
    await expect(pendingRow.getByRole('link', { name: 'Posts ready for ads' })).toHaveCount(0);
  });

  test('Posts ready for ads in All brands opens Content for the row’s brand, whichever brand was chosen', async ({
    context,
    extensionId,
    sim,
  }) => {
    const posts = await postsOf(sim);
    const creator = { id: posts[3]!.creatorId, username: posts[3]!.creatorUsername };
    const page = await openDashboard(context, extensionId);
    await connect(page);
    await page.getByRole('link', { name: 'Partnerships' }).click();
    const picker = page.getByRole('combobox', { name: 'Brand account' });
    await picker.selectOption({ label: '@lumen.skincare' });
    await picker.selectOption({ label: 'All brands' });
    await page.getByRole('searchbox', { name: 'Search creators' }).fill(creator.username);
    const row = permissionRow(page, creator.username).filter({ hasText: '@northwind.outdoor' });
    await row.getByRole('link', { name: 'Posts ready for ads' }).click();
    await expect(page).toHaveURL(new RegExp(`#content\\?brand=${NORTHWIND}&creator=${creator.id}$`));
    await expect(page.getByRole('combobox', { name: 'Brand account' })).toHaveValue(NORTHWIND);
    await expect(contentTable(page).locator('tbody tr')).toHaveCount(posts.filter((post) => post.creatorId === creator.id).length);
  });

  test('Posts ready for ads in the popup opens the dashboard on the creator’s posts for the chosen brand', async ({
    context,
    extensionId,
    sim,
  }) => {
    const posts = await postsOf(sim);
    const creator = { id: posts[1]!.creatorId, username: posts[1]!.creatorUsername };
    const page = await openDashboard(context, extensionId);
    await connect(page);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('textbox', { name: 'Creator username' }).fill(creator.username);
    await popup.getByRole('textbox', { name: 'Creator username' }).press('Enter');
    const link = popup.getByRole('link', { name: 'Posts ready for ads' });
    await expect(link).toHaveCount(1);
    const [opened] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await expect(opened).toHaveURL(new RegExp(`options\\.html#content\\?brand=${NORTHWIND}&creator=${creator.id}$`));
    await expect(contentTable(opened).locator('tbody tr')).toHaveCount(posts.filter((post) => post.creatorId === creator.id).length);
  });

  test('@lumen.skincare asks which business once, keeps the choice, and the choice can be changed', async ({
    context,
    extensionId,
    sim,
  }) => {
    const lumenPosts = await postsOf(sim, LUMEN);
    const page = await openDashboard(context, extensionId);
    await openContent(page);
    await page.getByRole('combobox', { name: 'Brand account' }).selectOption({ label: '@lumen.skincare' });
    await expect(page.getByText('Choose the business whose partnership content to show')).toBeVisible();
    const business = page.getByRole('combobox', { name: 'Business' });
    await expect(business.getByRole('option')).toHaveText(['Northwind Group', 'Lumen Labs']);
    await business.selectOption({ label: 'Lumen Labs' });
    await page.getByRole('button', { name: 'Use this business' }).click();
    await expect(contentTable(page).locator('tbody tr')).toHaveCount(lumenPosts.length);
    await expect(page.getByText('Read under the business Lumen Labs.')).toBeVisible();

    await page.reload();
    await expect(contentTable(page).locator('tbody tr')).toHaveCount(lumenPosts.length);
    await page.getByRole('button', { name: 'Change business' }).click();
    await page.getByRole('combobox', { name: 'Business' }).selectOption({ label: 'Northwind Group' });
    await page.getByRole('button', { name: 'Use this business' }).click();
    await expect(page.getByText('Read under the business Northwind Group.')).toBeVisible();
    const last = (await contentRequests(sim)).at(-1)!;
    expect(last.path).toContain('900000000000001');
  });
});

for (const { locale, tag } of [
  { locale: 'es', tag: 'es' },
  { locale: 'pt_BR', tag: 'pt-BR' },
]) {
  test.describe(`Content in ${tag}`, () => {
    test.use({ language: tag });
    const messages = JSON.parse(readFileSync(resolve(import.meta.dirname, `../../public/_locales/${locale}/messages.json`), 'utf8'));
    const words = translatorFor(messages, tag);

    test('the view, its table and its words are in the browser language', async ({ context, extensionId, sim }) => {
      void sim;
      const page = await openDashboard(context, extensionId, 'settings');
      await page.getByRole('textbox', { name: words.t('settingsMetaAppId') }).fill(DEFAULT_APP_ID);
      await page.getByRole('button', { name: words.t('settingsSave'), exact: true }).click();
      await page.getByRole('button', { name: words.t('connectionConnect') }).click();
      await page.getByRole('link', { name: words.t('dashboardViewContent'), exact: true }).click();
      const table = page.getByRole('table', { name: words.t('contentTableCaption') });
      await expect(table.locator('tbody tr')).toHaveCount(25);
      await expect(table).toContainText(words.t('contentEligibilityReady'));
      await expect(table.getByRole('button', { name: words.t('contentCopyId') }).first()).toBeVisible();
      await expect(page.getByRole('button', { name: words.t('contentLoadMore') })).toBeVisible();
      await expect(page.getByText(words.plural('contentShown', 25))).toBeVisible();
    });
  });
}
