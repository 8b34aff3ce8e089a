/**
 * «Новое дело» asked for while the intake is already open (its menu link, Alt+N): the route does not change,
 * so the intake hears it as an event and offers to start over.
 */
export const NEW_CASE_EVENT = 'aryz:new-case';

export function requestNewCase(): void {
  window.dispatchEvent(new Event(NEW_CASE_EVENT));
}
