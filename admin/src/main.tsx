import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readSheetEarly } from './providers';

// A page opened on a sheet (a link to the people list, the reviews, the inbox) fetches the grid
// chunk and its first block of rows now, alongside the sign-in check, rather than after it
// (docs/benchmarks.md, figure 5b). Other first screens still load no grid code.
if (/^#\/(employees|probation-reviews|approvals)\/?(\?|$)/.test(window.location.hash)) {
  void import('./sheet/grid/SheetGrid');
  readSheetEarly(window.location.hash);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
