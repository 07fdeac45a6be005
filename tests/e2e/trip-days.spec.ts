// Issue 20: a trip a visitor can actually make. The trip from the issue (Hạ Long's pearl
// sites and the Vân Đồn islands), optimised, keeps its ferries (step by step and as the
// badge), is split into days, warns when a day is made too long, and its Google Maps links
// never cross the sea in driving mode.
import { expect, Page } from '@playwright/test';
import { bundledDataset, inLanguage, t, test } from './fixtures';

test.beforeEach(async ({ page, context }) => {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  await inLanguage(page, 'en');
});

const data = bundledDataset();
const travel = data.travel;

// The pearl museum at Tuần Châu, the Tùng Sâu pearl farm and Hạ Long Bay (both by tour
// boat), the Hạ Long OCOP centre, Cái Rồng, the oyster farms, Quan Lạn, Minh Châu, Cô Tô:
// in a muddled order, as a visitor adds them.
const stops = [
  's.bao-tang-ngoc-trai-tuan-chau',
  's.dao-co-to',
  's.trai-ngoc-trai-tung-sau',
  's.dao-quan-lan',
  'p.trung-tam-ocop-ha-long',
  's.vinh-ha-long',
  's.dao-minh-chau',
  's.cai-rong',
];

const pierName = (id: string) => travel.piers.find((p: any) => p.id === id).name.en;

/** Where a Google Maps point is: 'mainland', an island id, or 'bay' (only by boat). */
function landOf(point: string): string {
  const places = [
    ...data.spots.map((s: any) => ({ key: `s.${s.id}`, name: s.name.vi, lat: s.coordinates.lat, lon: s.coordinates.lon })),
    ...data.sales_points.map((s: any) => ({ key: `p.${s.id}`, name: s.name.vi, lat: s.coordinates.lat, lon: s.coordinates.lon })),
  ];
  const piers = travel.piers.map((p: any) => ({ pier: p, name: p.name.vi, lat: p.coordinates.lat, lon: p.coordinates.lon }));
  const text = decodeURIComponent(point);
  const coordinate = text.match(/^(-?[\d.]+),(-?[\d.]+)$/);
  const all = [...places, ...piers];
  const match = coordinate
    ? all.find((x: any) => Math.abs(x.lat - Number(coordinate[1])) < 1e-4 && Math.abs(x.lon - Number(coordinate[2])) < 1e-4)
    : all
        .filter((x: any) => text.startsWith(x.name))
        .sort((a: any, b: any) => b.name.length - a.name.length)[0];
  if (!match) throw new Error(`a Google Maps point the test cannot place: ${text}`);
  if ('pier' in match) return match.pier.island ?? 'mainland';
  const ref = match.key.startsWith('s.') ? { spot: match.key.slice(2) } : { sales_point: match.key.slice(2) };
  const same = (r: any) => JSON.stringify(r) === JSON.stringify(ref);
  const island = travel.islands.find((i: any) => i.places.some(same));
  if (island) return island.id;
  if (travel.bay_boats.some((b: any) => b.places.some(same))) return 'bay';
  return 'mainland';
}

/** The points of a Google Maps directions or search link. */
function pointsOf(href: string): string[] {
  const url = new URL(href);
  const points = [url.searchParams.get('origin'), ...(url.searchParams.get('waypoints')?.split('|') ?? []), url.searchParams.get('destination'), url.searchParams.get('query')];
  return points.filter((p): p is string => !!p);
}

async function openTrip(page: Page) {
  await page.goto(`/trip?stops=${stops.join(',')}`);
  await page.getByRole('button', { name: t('en', 'shared_trip_replace') }).click();
  await expect(page.getByTestId('trip-stop')).toHaveCount(stops.length);
}

test('the issue\'s trip, optimised, keeps its ferries, is split into days and warns when a day is too long', async ({ page }) => {
  await openTrip(page);
  await page.getByRole('button', { name: t('en', 'optimise') }).click();
  await expect(page.getByTestId('trip-status')).toContainText(/./);

  // The ferry badge stays, and the crossings are told with their piers.
  await expect(page.getByTestId('trip-totals').getByText(t('en', 'includes_ferry'))).toBeVisible();
  const legs = page.getByTestId('leg');
  const ferryToCoTo = new RegExp(`Ferry from ${escape(pierName('cai-rong'))} to ${escape(pierName('co-to'))}`);
  const ferryToQuanLan = new RegExp(`Ferry from ${escape(pierName('cai-rong'))} to ${escape(pierName('quan-lan'))}`);
  await expect(legs.filter({ hasText: ferryToCoTo }).first()).toBeVisible();
  await expect(legs.filter({ hasText: ferryToQuanLan }).first()).toBeVisible();
  // The pearl farm is a tour boat from Tuần Châu and back, never a boat to an island.
  await expect(legs.filter({ hasText: `Tour boat back to ${pierName('tuan-chau')}` }).first()).toBeVisible();
  const texts = await legs.allTextContents();
  for (const text of texts) {
    expect(text).not.toMatch(/Tour boat from [^:]* to (Quan Lan|Minh Chau|Co To)/);
  }

  // Several days, each with its totals; none too long as the app splits them.
  const days = page.getByTestId('trip-day');
  expect(await days.count()).toBeGreaterThan(1);
  await expect(page.getByTestId('trip-day-count')).toHaveText(t('en', 'trip_days', { count: await days.count() }));
  await expect(page.getByTestId('day-totals')).toHaveCount(await days.count());
  await expect(page.getByTestId('day-too-long')).toHaveCount(0);

  // Joining the second day to the first makes a day too long: the page says so, and keeps it.
  const dayCount = await days.count();
  await days.nth(1).getByTestId('day-split').first().click();
  await expect(days).toHaveCount(dayCount - 1);
  await expect(page.getByTestId('day-too-long').first()).toBeVisible();
  await expect(page.getByTestId('day-too-long').first()).toContainText(t('en', 'day_too_long', { budget: '9\u00a0h' }));
  // Back to the automatic days in one tap.
  await page.getByRole('button', { name: t('en', 'automatic_days') }).click();
  await expect(days).toHaveCount(dayCount);
  await expect(page.getByTestId('day-too-long')).toHaveCount(0);
});

test('the Google Maps links of each day never cross the sea in driving mode', async ({ page }) => {
  await openTrip(page);
  await page.getByRole('button', { name: t('en', 'optimise') }).click();
  await expect(page.getByTestId('trip-status')).toContainText(/./);
  const exportDays = page.getByTestId('export-day');
  expect(await exportDays.count()).toBeGreaterThan(1);
  let links = 0;
  for (const day of await exportDays.all()) {
    for (const link of await day.getByRole('link', { name: /Google Maps/ }).all()) {
      const href = (await link.getAttribute('href'))!;
      const lands = new Set(pointsOf(href).map(landOf));
      // A search link only shows where a place is; a directions link is driven.
      if (href.includes('/dir/')) expect(lands.has('bay'), `a place in the bay in a driving link: ${href}`).toBe(false);
      expect(lands.size, `a driving link across the sea: ${href} (${[...lands]})`).toBe(1);
      if (href.includes('/dir/')) expect(href).toContain('travelmode=driving');
      links += 1;
    }
  }
  expect(links).toBeGreaterThan(2);
  // The boats are said in words, with their piers.
  const sea = page.getByTestId('sea-step');
  await expect(sea.filter({ hasText: `Ferry from ${pierName('cai-rong')}` }).first()).toBeVisible();
  expect(await sea.count()).toBeGreaterThanOrEqual(4);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
