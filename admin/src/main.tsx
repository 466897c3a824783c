import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadList as approvalsList } from './approvals';
import { loadList as employeesList } from './employees';
import { loadList as probationReviewsList } from './probation-reviews';
import { readSheetEarly } from './providers';
import { loadList as requisitionsList } from './requisitions';
import { PHONE_MEDIA } from './providers/earlyReads';
import { sheetAtAddress, type SheetListResource } from './sheet/sheetLists';

const SHEET_PAGES: Record<SheetListResource, () => Promise<unknown>> = {
  employees: employeesList,
  approvals: approvalsList,
  'probation-reviews': probationReviewsList,
  requisitions: requisitionsList,
};

// A page opened on a sheet (a link to the people list, the reviews, the inbox) loads the page's
// chunk, the grid's and the first block of rows now, alongside the sign-in check, rather than
// one after the other once it answers (docs/benchmarks.md, figure 5b). Other first screens
// load no grid code, and a phone (a simple list) none either.
const sheet = sheetAtAddress(window.location.hash);
if (sheet) {
  void SHEET_PAGES[sheet.resource]();
  if (!window.matchMedia(PHONE_MEDIA).matches) void import('./sheet/grid/SheetGrid');
  readSheetEarly(window.location.hash);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
