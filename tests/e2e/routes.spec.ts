import { expect } from '@playwright/test';
import { bundledDataset, inLanguage, t, test } from './fixtures';

test.beforeEach(async ({ page, context }) => {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  await inLanguage(page, 'en');
});

const data = bundledDataset();

/** Products linked to a route's stops (spots list them; sales points via where_to_buy). */
function productsOf(route: any): string[] {
  const ids = new Set<string>();
  for (const stop of route.stops) {
    if (stop.spot) data.spots.find((s: any) => s.id === stop.spot)?.products.forEach((p: string) => ids.add(p));
    if (stop.sales_point)
      data.products
        .filter((p: any) => p.where_to_buy.sales_points.includes(stop.sales_point))
        .forEach((p: any) => ids.add(p.id));
  }
  return data.products.map((p: any) => p.id).filter((id: string) => ids.has(id));
}

test('the routes page shows every curated route with its stops and estimates', async ({ page }) => {
  await page.goto('/routes');
  await expect(page.getByTestId('route-card')).toHaveCount(data.routes.length);
  const first = page.getByTestId('route-card').first();
  await expect(first).toContainText(t('en', 'route_stop_count', { count: data.routes[0].stops.length }));
  await expect(first).toContainText(/About \d+\s*km/);
  await expect(page.getByText(t('en', 'estimates_note'))).toBeVisible();
});

test('a curated route shows numbered stops on the map and adds its products to the list', async ({ page }) => {
  const route = data.routes.find((r: any) => r.id === 'vinh-ha-long-ngoc-trai');
  await page.goto(`/routes/${route.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.name.en);
  await expect(page.getByTestId('route-stop')).toHaveCount(route.stops.length);
  await expect(page.getByTestId('leg')).toHaveCount(route.stops.length - 1);
  const map = page.locator('.map');
  await expect(map).toHaveAttribute('data-outline', 'ready');
  // Every stop is drawn, alone or in a group of neighbours, with its number.
  const drawn = () =>
    map.evaluate((m) =>
      [...m.querySelectorAll('.leaflet-marker-icon')].reduce((n, e) => n + Number(e.getAttribute('data-count') ?? 1), 0),
    );
  await expect.poll(drawn).toBe(route.stops.length);
  await expect(map.locator('[aria-label^="1. "], .pin-cluster .pin-dot').first()).toBeAttached();
  await expect(map.locator('path.route-line')).toHaveCount(1);

  const expected = productsOf(route);
  expect(expected.length).toBeGreaterThan(0);
  await page.getByRole('button', { name: t('en', 'add_all_to_list') }).click();
  await expect(page.getByText(t('en', 'added_to_list', { count: expected.length }))).toBeVisible();
  await expect(page.getByTestId('list-count').first()).toHaveText(String(expected.length));

  // The list survives a reload and holds exactly the route's products.
  await page.reload();
  await page.getByRole('link', { name: new RegExp(t('en', 'nav_list')) }).first().click();
  const items = page.getByTestId('list-item');
  await expect(items).toHaveCount(expected.length);
  expect((await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-product-id')))).sort()).toEqual([...expected].sort());
  // Adding again does not duplicate anything.
  await page.goto(`/routes/${route.id}`);
  await page.getByRole('button', { name: t('en', 'add_all_to_list') }).click();
  await expect(page.getByText(t('en', 'added_to_list', { count: 0 }))).toBeVisible();
});

test('a ferry leg is told step by step with its piers', async ({ page }) => {
  await page.goto('/routes/van-don-co-to-dao');
  const pier = (id: string) => data.travel.piers.find((p: any) => p.id === id).name.en;
  // Minh Châu → Cô Tô: back to Cái Rồng on the Quan Lạn boat, then out on the Cô Tô boat.
  const leg = page.getByTestId('leg').filter({ hasText: `Ferry from ${pier('cai-rong')} to ${pier('co-to')}` });
  await expect(leg).toHaveCount(1);
  await expect(leg).toContainText(`Ferry from ${pier('quan-lan')} to ${pier('cai-rong')}`);
  await expect(page.getByTestId('route-totals')).toBeVisible();
});

test('a route page links each stop both ways', async ({ page }) => {
  await page.goto('/routes/vinh-ha-long-ngoc-trai');
  await page.getByTestId('route-stop').nth(3).getByRole('link').first().click();
  await expect(page.getByTestId('place-page')).toBeVisible();
  await expect(page.getByRole('region', { name: t('en', 'routes_through_here') })).toContainText(
    data.routes.find((r: any) => r.id === 'vinh-ha-long-ngoc-trai').name.en,
  );
});

test('an unknown route id says so', async ({ page }) => {
  await page.goto('/routes/no-such-route');
  await expect(page.getByTestId('route-not-found')).toBeVisible();
});
