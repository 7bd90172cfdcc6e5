import { createKapasClients, ErrorState, isMasterKind, type KapasClients, LoadingState, type MasterKind } from '@kapas/ui';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { parseAuditSearch, parseOutboxSearch, parseSecuritySearch, parseSessionsSearch, parseUsersSearch } from './lib/search';
import { parseApprovalsSearch } from './pages/approvals/search';
import { parseApplicationsSearch } from './pages/onboarding/search';
import { parsePartnersSearch } from './pages/partners/search';
import { parseTradeDeskTradesSearch } from './pages/trade-desk/search';

export type MasterSort = 'order' | 'code' | 'name';
export type MastersSearch = { page: number; q: string; sort: MasterSort; inactive: boolean };

/** URL search params for a masters table, with safe defaults for anything missing or malformed. */
export function parseMastersSearch(search: Record<string, unknown>): MastersSearch {
  const page = Number(search.page);
  const sort = search.sort === 'code' || search.sort === 'name' ? search.sort : 'order';
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    q: typeof search.q === 'string' ? search.q.slice(0, 80) : '',
    sort,
    inactive: search.inactive === true || search.inactive === 'true',
  };
}

export const clients = createKapasClients();

/** The signed-in user if they belong in this app, else null (from the query cache when fresh). */
async function currentUser(context: { clients: KapasClients }) {
  const me = await context.clients.utils.auth.me.ensureData(undefined, { staleTime: 60_000 });
  return me && me.kind === 'BACK_OFFICE' ? me : null;
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

const linkSearch = (search: Record<string, unknown>): { token?: string } =>
  typeof search.token === 'string' && search.token.length <= 200 ? { token: search.token } : {};

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: lazyRouteComponent(() => import('./pages/password-pages'), 'ForgotPasswordRoute'),
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: linkSearch,
  component: lazyRouteComponent(() => import('./pages/password-pages'), 'ResetPasswordRoute'),
});

const acceptInviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/accept-invite',
  validateSearch: linkSearch,
  component: lazyRouteComponent(() => import('./pages/password-pages'), 'AcceptInviteRoute'),
});

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

const newCommodityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/commodities/new',
  component: lazyRouteComponent(() => import('./pages/commodity-edit'), 'NewCommodityPage'),
});

const editCommodityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/commodities/$id',
  component: lazyRouteComponent(() => import('./pages/commodity-edit'), 'EditCommodityPage'),
});

const mastersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/masters/$kind',
  params: {
    parse: ({ kind }: { kind: string }): { kind: MasterKind } => {
      const upper = kind.toUpperCase().replace(/-/g, '_');
      if (!isMasterKind(upper)) throw new Error(`Unknown master list: ${kind}`);
      return { kind: upper };
    },
    stringify: ({ kind }: { kind: MasterKind }) => ({ kind: kind.toLowerCase().replace(/_/g, '-') }),
  },
  validateSearch: parseMastersSearch,
  component: lazyRouteComponent(() => import('./pages/master-items'), 'MasterItemsPage'),
});

const locationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/locations',
  component: lazyRouteComponent(() => import('./pages/locations'), 'LocationsPage'),
});

const organizationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organizations',
  component: lazyRouteComponent(() => import('./pages/organizations'), 'OrganizationsPage'),
});

const financialYearsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/financial-years',
  component: lazyRouteComponent(() => import('./pages/org-masters/financial-years'), 'FinancialYearsPage'),
});

const gstRatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/gst-rates',
  component: lazyRouteComponent(() => import('./pages/org-masters/gst-rates'), 'GstRatesPage'),
});

const commissionStructuresRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/commission-structures',
  component: lazyRouteComponent(() => import('./pages/org-masters/commissions'), 'CommissionStructuresPage'),
});

const partnersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/partners',
  validateSearch: parsePartnersSearch,
  component: lazyRouteComponent(() => import('./pages/partners/list'), 'PartnersPage'),
});

const partnerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/partners/$id',
  component: lazyRouteComponent(() => import('./pages/partners/detail'), 'PartnerDetailPage'),
});

// Partner onboarding applications (issue #4): list, create for a partner, fill the steps.
const applicationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/applications',
  validateSearch: parseApplicationsSearch,
  component: lazyRouteComponent(() => import('./pages/onboarding/applications'), 'ApplicationsPage'),
});

const applicationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/applications/$id',
  component: lazyRouteComponent(() => import('./pages/onboarding/application'), 'ApplicationPage'),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account',
  component: lazyRouteComponent(() => import('./pages/account'), 'AccountPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users',
  validateSearch: parseUsersSearch,
  component: lazyRouteComponent(() => import('./pages/users'), 'UsersPage'),
});

const userRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users/$id',
  component: lazyRouteComponent(() => import('./pages/user-detail'), 'UserDetailPage'),
});

const rolesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/roles',
  component: lazyRouteComponent(() => import('./pages/roles'), 'RolesPage'),
});

const sessionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions',
  validateSearch: parseSessionsSearch,
  component: lazyRouteComponent(() => import('./pages/sessions'), 'SessionsPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  validateSearch: parseAuditSearch,
  component: lazyRouteComponent(() => import('./pages/audit'), 'AuditPage'),
});

const securityEventsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/security-events',
  validateSearch: parseSecuritySearch,
  component: lazyRouteComponent(() => import('./pages/security-events'), 'SecurityEventsPage'),
});

const outboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/outbox',
  validateSearch: parseOutboxSearch,
  component: lazyRouteComponent(() => import('./pages/outbox'), 'OutboxPage'),
});

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings',
  component: lazyRouteComponent(() => import('./pages/settings'), 'SettingsPage'),
});

const templatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/templates',
  component: lazyRouteComponent(() => import('./pages/templates'), 'TemplatesPage'),
});

// Trade desk (DOMAIN §6.6): live dashboard and the filterable trade list.
const tradeDeskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/trade-desk',
  component: lazyRouteComponent(() => import('./pages/trade-desk/dashboard'), 'TradeDeskDashboardPage'),
});

const tradeDeskTradesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/trade-desk/trades',
  validateSearch: parseTradeDeskTradesSearch,
  component: lazyRouteComponent(() => import('./pages/trade-desk/trades'), 'TradeDeskTradesPage'),
});

// Staff view of one trade and of one offer's negotiation, where act-for staff answer for a party (issue #5).
const tradeDeskTradeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/trade-desk/trades/$id',
  component: lazyRouteComponent(() => import('./pages/trade-desk/trade-detail'), 'TradeDeskTradePage'),
});

const tradeDeskOfferRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/trade-desk/offers/$id',
  component: lazyRouteComponent(() => import('./pages/trade-desk/negotiation'), 'TradeDeskOfferPage'),
});

// Approvals queue, scheduled jobs and the notification list (issue #4).
const approvalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/approvals',
  validateSearch: parseApprovalsSearch,
  component: lazyRouteComponent(() => import('./pages/approvals/approvals-page'), 'ApprovalsPage'),
});

const complianceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/compliance',
  component: lazyRouteComponent(() => import('./pages/compliance/compliance-page'), 'CompliancePage'),
});

const jobsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/jobs',
  component: lazyRouteComponent(() => import('./pages/jobs/jobs-page'), 'JobsPage'),
});

const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications',
  component: lazyRouteComponent(() => import('./pages/notifications'), 'NotificationsPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  acceptInviteRoute,
  appRoute.addChildren([
    indexRoute,
    commoditiesRoute,
    newCommodityRoute,
    editCommodityRoute,
    mastersRoute,
    locationsRoute,
    organizationsRoute,
    financialYearsRoute,
    gstRatesRoute,
    commissionStructuresRoute,
    partnersRoute,
    partnerRoute,
    applicationsRoute,
    applicationRoute,
    accountRoute,
    usersRoute,
    userRoute,
    rolesRoute,
    sessionsRoute,
    auditRoute,
    securityEventsRoute,
    outboxRoute,
    settingsRoute,
    templatesRoute,
    tradeDeskRoute,
    tradeDeskTradesRoute,
    tradeDeskTradeRoute,
    tradeDeskOfferRoute,
    approvalsRoute,
    jobsRoute,
    notificationsRoute,
    complianceRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  basepath: '/admin',
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
