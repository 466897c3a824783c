/** The print route of a review, beside its page: `#/probation-reviews/<id>/print` (ProbationReviewPrint.tsx). */
export const printPath = (id: string) => `/probation-reviews/${encodeURIComponent(id)}/print`;
