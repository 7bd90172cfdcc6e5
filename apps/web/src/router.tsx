import { createKapasClients, ErrorState, type KapasClients, LoadingState } from '@kapas/ui';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';

export const clients = createKapasClients();

/** The signed-in user if they belong in this app, else null (from the query cache when fresh). */
async function currentUser(context: { clients: KapasClients }) {
  const me = await context.clients.utils.auth.me.ensureData(undefined, { staleTime: 60_000 });
  return me && me.kind === 'PARTNER' ? me : null;
}

const rootRoute = createRootRouteWithContext<{ clients: KapasClients }>()({ component: Outlet });

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  beforeLoad: async ({ context }) => {
    if (await currentUser(context)) throw redirect({ to: '/commodities' });
  },
  component: lazyRouteComponent(() => import('./pages/sign-in'), 'SignInRoute'),
});

/** Everything behind sign-in; the layout sends signed-out visitors to /sign-in. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    if (!(await currentUser(context))) {
      throw redirect({ to: '/sign-in', search: location.href === '/' ? {} : { redirect: location.href } });
    }
  },
  component: lazyRouteComponent(() => import('./pages/shell'), 'Shell'),
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/commodities' });
  },
});

const commoditiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/commodities',
  component: lazyRouteComponent(() => import('./pages/commodities'), 'CommoditiesPage'),
});

const routeTree = rootRoute.addChildren([signInRoute, appRoute.addChildren([indexRoute, commoditiesRoute])]);

export const router = createRouter({
  routeTree,
  context: { clients },
  defaultPendingComponent: () => <LoadingState />,
  defaultErrorComponent: ({ error, reset }) => <ErrorState error={error} onRetry={reset} />,
  defaultPreload: 'intent',
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
