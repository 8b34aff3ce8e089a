export * from './calendar';
export * from './facts';
export * from './settings';
export * from './deadline';
export { computeDeadlines } from './compute';
export { currentStay, EAEU_MIN_DAYS_BEFORE_TERMINATION, EAEU_NEW_CONTRACT_DAYS, EAEU_REGISTRATION_FREE_DAYS, EAEU_WORKING_DAYS_TO_NOTIFY } from './clocks-eaeu';
export { nextScheduledDay } from './clocks-recheck';
export { actionEntries, actionEntry, actionRange, parseActionEntry, QUEUE_ACTIONS, ACTION_CLOCKS, type QueueAction } from './actions';
