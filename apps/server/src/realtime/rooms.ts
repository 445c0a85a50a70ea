// Room names. A person joins their view group's room (view-groups.ts: the people who may see the same cases in the
// same form) and their own room; a wall display joins the organisation's display room (changes without personal
// data); a case room holds the people viewing the case.
export const displayRoom = (organisationId: string) => `org:${organisationId}:display`;
export const userRoom = (personId: string) => `user:${personId}`;
export const caseRoom = (caseId: string) => `case:${caseId}`;
/** The walls of an organisation configured with the same filters (a department, a category): a change of a case outside
 *  them reaches these walls as a removal. Walls without filters are in no such room. */
export const wallFilterRoom = (organisationId: string, filters: { departmentId?: string; category?: string }) =>
  filters.departmentId || filters.category
    ? `org:${organisationId}:display:${filters.departmentId ?? ''}:${filters.category ?? ''}`
    : null;
/** The viewers of a case in one of its audiences: a person joining a case's room joins these for each of their own
 *  audiences, so a change's detail reaches exactly the viewers who may see it, in their audience's form. */
export const caseAudienceRoom = (caseId: string, audience: string) => `case:${caseId}:${audience}`;
