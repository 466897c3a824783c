import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

// A page opened on a sheet (a link to the people list, the reviews, the inbox) fetches the grid
// chunk now, alongside the sign-in check, rather than after it: one round trip less before the
// rows show (docs/benchmarks.md, figure 5b). Other first screens still load no grid code.
if (/^#\/(employees|probation-reviews|approvals)\/?(\?|$)/.test(window.location.hash)) void import('./sheet/grid/SheetGrid');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
