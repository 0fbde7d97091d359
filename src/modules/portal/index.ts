import { defineModule } from '../../platform/module.ts';
import { portalPlugin } from './portal.plugin.ts';

/** The public portal (R02): no login needed. */
export const portalModule = defineModule({
  name: 'portal',
  plugin: portalPlugin,
  nav: [{ href: '/', labelKey: 'nav.home' }],
});
