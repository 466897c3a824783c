/** Every mail the system composes: `(data, lang) → { subject, html, text }`, pure. */
export { approvalRequest } from './approval-request.js';
export { approvalReminder, type ApprovalReminderData } from './approval-reminder.js';
export { approvalEscalation, type ApprovalEscalationData } from './approval-escalation.js';
export { approvalTransferred, type ApprovalTransferredData, type Handover } from './approval-transferred.js';
export { approvalCc, type ApprovalCcData } from './approval-cc.js';
export { requestOutcome, type RequestOutcome, type RequestOutcomeData } from './request-outcome.js';
export type { ApprovalMailData } from './approval-mail.js';
export { requestWithdrawn, type RequestWithdrawnData } from './request-withdrawn.js';
export { requestMention, type RequestMentionData } from './request-mention.js';
export { passwordReset, type PasswordResetData } from './password-reset.js';
export { openingChanged, type OpeningChange, type OpeningChangedData } from './opening-changed.js';
export { onboardingReminder, type OnboardingReminderData } from './onboarding-reminder.js';
export { offerLetter, type OfferLetterData } from './offer-letter.js';
export { offerNotice, type OfferEvent, type OfferNoticeData } from './offer-notice.js';
export { offerToCandidate, type OfferToCandidateData } from './offer-to-candidate.js';
export { accountInvitation, type AccountInvitationData } from './account-invitation.js';
export { interviewInvitation, type InterviewInvitationData } from './interview-invitation.js';
export { interviewReminder, type InterviewReminderData } from './interview-reminder.js';
