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

/** A one-string search parameter, or nothing. */
function stringParam(search: Record<string, unknown>, key: string): Record<string, string> {
  const value = search[key];
  return typeof value === 'string' && value ? { [key]: value } : {};
}

const rootRoute = createRootRouteWithContext<{ clients: KapasClients }>()({ component: Outlet });

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => stringParam(search, 'redirect'),
  beforeLoad: async ({ context }) => {
    if (await currentUser(context)) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('./pages/sign-in'), 'SignInRoute'),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: lazyRouteComponent(() => import('./pages/forgot-password'), 'ForgotPasswordPage'),
});

/** `?token=…` from the emailed link, or `?email=…` for the email + 6-digit code variant. */
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: (search: Record<string, unknown>): { token?: string; email?: string } => ({
    ...stringParam(search, 'token'),
    ...stringParam(search, 'email'),
  }),
  component: lazyRouteComponent(() => import('./pages/reset-password'), 'ResetPasswordPage'),
});

const acceptInviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/accept-invite',
  validateSearch: (search: Record<string, unknown>): { token?: string } => stringParam(search, 'token'),
  component: lazyRouteComponent(() => import('./pages/accept-invite'), 'AcceptInvitePage'),
});

/** Public "Become a partner" wizard; `?resume=<token>` continues a saved application. */
const becomeAPartnerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/become-a-partner',
  validateSearch: (search: Record<string, unknown>): { resume?: string } => stringParam(search, 'resume'),
  component: lazyRouteComponent(() => import('./pages/onboarding/become-a-partner'), 'BecomeAPartnerPage'),
});

const applicationStatusRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/application-status',
  validateSearch: (search: Record<string, unknown>): { resume?: string } => stringParam(search, 'resume'),
  component: lazyRouteComponent(() => import('./pages/onboarding/application-status'), 'ApplicationStatusPage'),
});

/** The forced password change: signed in, but nothing else works until a new password is chosen. */
const changePasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/change-password',
  beforeLoad: async ({ context }) => {
    const me = await currentUser(context);
    if (!me) throw redirect({ to: '/sign-in', search: {} });
    if (!me.mustChangePassword) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('./pages/change-password'), 'ForcedChangePasswordPage'),
});

/** Everything behind sign-in; the layout sends signed-out visitors to /sign-in. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await currentUser(context);
    if (!me) {
      throw redirect({ to: '/sign-in', search: location.href === '/' ? {} : { redirect: location.href } });
    }
    if (me.mustChangePassword) throw redirect({ to: '/change-password' });
    return { me };
  },
  component: lazyRouteComponent(() => import('./pages/shell'), 'Shell'),
});

/** Home: the market for users who may see it, else their account. */
const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    const can = (c: string) => context.me.capabilities.includes(c);
    throw redirect({ to: can('trade:read') ? '/trade-desk' : can('master:read') ? '/commodities' : '/account' });
  },
});

const commoditiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/commodities',
  component: lazyRouteComponent(() => import('./pages/commodities'), 'CommoditiesPage'),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account',
  component: lazyRouteComponent(() => import('./pages/account'), 'AccountPage'),
});

const companyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/company',
  component: lazyRouteComponent(() => import('./pages/company/company'), 'CompanyPage'),
});

const complianceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/compliance',
  component: lazyRouteComponent(() => import('./pages/compliance/compliance'), 'CompliancePage'),
});

const teamRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/team',
  component: lazyRouteComponent(() => import('./pages/team'), 'TeamPage'),
});

const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications',
  component: lazyRouteComponent(() => import('./pages/notifications'), 'NotificationsPage'),
});

const apiTokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/api-tokens',
  component: lazyRouteComponent(() => import('./pages/api-tokens'), 'ApiTokensPage'),
});

// Trade desk (DOMAIN §6): every screen is its own lazy chunk.
const tradeDeskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/trade-desk',
  component: lazyRouteComponent(() => import('./pages/trade-desk/home'), 'TradeDeskHomePage'),
});

const newTradeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/trade-desk/trades/new',
  validateSearch: (search: Record<string, unknown>): { q?: string } => stringParam(search, 'q'),
  component: lazyRouteComponent(() => import('./pages/trade-desk/create-trade'), 'CreateTradePage'),
});

const tradeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/trade-desk/trades/$id',
  component: lazyRouteComponent(() => import('./pages/trade-desk/trade-detail'), 'TradeDetailPage'),
});

const offerComposerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/trade-desk/trades/$id/offer',
  validateSearch: (search: Record<string, unknown>): { lotId?: string } => stringParam(search, 'lotId'),
  component: lazyRouteComponent(() => import('./pages/trade-desk/offer-composer'), 'OfferComposerPage'),
});

const negotiationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/trade-desk/offers/$id',
  component: lazyRouteComponent(() => import('./pages/trade-desk/negotiation'), 'NegotiationPage'),
});

const lotsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/trade-desk/lots',
  component: lazyRouteComponent(() => import('./pages/trade-desk/lots'), 'LotsPage'),
});

const contractsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/trade-desk/contracts',
  component: lazyRouteComponent(() => import('./pages/trade-desk/contracts'), 'ContractsPage'),
});

const contractRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/trade-desk/contracts/$id',
  component: lazyRouteComponent(() => import('./pages/trade-desk/contract-detail'), 'ContractDetailPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  acceptInviteRoute,
  becomeAPartnerRoute,
  applicationStatusRoute,
  changePasswordRoute,
  appRoute.addChildren([
    indexRoute,
    commoditiesRoute,
    accountRoute,
    companyRoute,
    complianceRoute,
    teamRoute,
    apiTokensRoute,
    notificationsRoute,
    tradeDeskRoute,
    newTradeRoute,
    tradeRoute,
    offerComposerRoute,
    negotiationRoute,
    lotsRoute,
    contractsRoute,
    contractRoute,
  ]),
]);

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
