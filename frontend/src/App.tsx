import { lazy, Suspense } from 'react';
import { BrowserRouter, NavLink, Route, Routes } from 'react-router';
import { WorkloadsPage } from './pages/WorkloadsPage';
import { PlansPage } from './pages/PlansPage';
import { Loading } from './components/Status';
import { SessionProvider, useSession, WriteAction } from './session';
import { SignInPage } from './pages/SignInPage';

// Pages with charts load ECharts on demand, so the first page stays small.
const WorkloadPage = lazy(() => import('./pages/WorkloadPage').then((m) => ({ default: m.WorkloadPage })));
const NewPlanPage = lazy(() => import('./pages/NewPlanPage').then((m) => ({ default: m.NewPlanPage })));
const PlanPage = lazy(() => import('./pages/PlanPage').then((m) => ({ default: m.PlanPage })));
const ComparePlansPage = lazy(() => import('./pages/ComparePlansPage').then((m) => ({ default: m.ComparePlansPage })));
const BacktestPage = lazy(() => import('./pages/BacktestPage').then((m) => ({ default: m.BacktestPage })));
const BacktestsPage = lazy(() => import('./pages/BacktestsPage').then((m) => ({ default: m.BacktestsPage })));
const CatalogPage = lazy(() => import('./pages/CatalogPage').then((m) => ({ default: m.CatalogPage })));
const AccountPage = lazy(() => import('./pages/AccountPage').then((m) => ({ default: m.AccountPage })));

function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>There is nothing at this address. Use the navigation above.</p>
    </section>
  );
}

/** Who is signed in, with sign-out; nothing before the session is known or on the sign-in page. */
function SignedIn() {
  const { me, signOut } = useSession();
  if (!me) return null;
  return (
    <span className="signed-in" data-testid="signed-in">
      <NavLink to="/account" title={`Role ${me.role}, workspace ${me.workspace}`}>{me.username} · {me.role.toLowerCase()} · {me.workspace}</NavLink>
      <button type="button" className="link" onClick={() => void signOut()} data-testid="sign-out">Sign out</button>
    </span>
  );
}

/** Pages need a signed-in user: until "who am I" answers, and when nobody is, only the sign-in route renders. */
function Pages() {
  const { me, known } = useSession();
  if (!me) {
    return (
      <Routes>
        <Route path="/login" element={<SignInPage />} />
        <Route path="*" element={known ? null : <Loading what="session" />} />
      </Routes>
    );
  }
  return (
    <Suspense fallback={<Loading what="page" />}>
        <Routes>
          <Route path="/login" element={<SignInPage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/" element={<WorkloadsPage />} />
          <Route path="/workloads" element={<WorkloadsPage />} />
          <Route path="/workloads/:id" element={<WorkloadPage />} />
          <Route path="/plans" element={<PlansPage />} />
          <Route path="/plans/new" element={<NewPlanPage />} />
          <Route path="/plans/compare" element={<ComparePlansPage />} />
          <Route path="/plans/:id" element={<PlanPage />} />
          <Route path="/backtests" element={<BacktestsPage />} />
          <Route path="/backtests/:id" element={<BacktestPage kind="BACKTEST" />} />
          <Route path="/sweeps/:id" element={<BacktestPage kind="SWEEP" />} />
          <Route path="/catalog" element={<CatalogPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
    </Suspense>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <span className="brand">DC consolidation planner</span>
        <nav aria-label="Main">
          <NavLink to="/workloads">Workloads</NavLink>
          <NavLink to="/plans" end>Plans</NavLink>
          <WriteAction><NavLink to="/plans/new">New plan</NavLink></WriteAction>
          <NavLink to="/backtests">Backtests</NavLink>
          <NavLink to="/catalog">Host catalog</NavLink>
        </nav>
        <SignedIn />
      </header>
      <main id="main" tabIndex={-1}>
        <Pages />
      </main>
      </SessionProvider>
    </BrowserRouter>
  );
}

