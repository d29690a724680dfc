import { BrowserRouter, NavLink, Route, Routes } from 'react-router';
import { WorkloadsPage } from './pages/WorkloadsPage';

function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>There is nothing at this address. Use the navigation above.</p>
    </section>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <span className="brand">DC consolidation planner</span>
        <nav aria-label="Main">
          <NavLink to="/workloads">Workloads</NavLink>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<WorkloadsPage />} />
          <Route path="/workloads" element={<WorkloadsPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
    </BrowserRouter>
  );
}
