/**
 * The Router panel of lesson 10 (app/router/RouterPanel.tsx), by role:
 *   region "Router"                         under the preview while a run is behind the router
 *     list "Instances" → listitem           "Instance 1 listens on its PORT, 41001 · served 2",
 *                                           "Instance 2 could not start: port 3000 was already taken by instance 1 — …"
 *     log  "Requests through the router"    newest first: "GET / → instance :41002 (200)"
 */
import type { Page } from '@playwright/test';

export const routerPanel = (page: Page) => page.getByRole('region', { name: 'Router' });
export const instanceList = (page: Page) => routerPanel(page).getByRole('list', { name: 'Instances' });
export const requestLog = (page: Page) => routerPanel(page).getByRole('log', { name: 'Requests through the router' });
