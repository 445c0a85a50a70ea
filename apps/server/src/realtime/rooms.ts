// Room names. A person joins their organisation's staff room and their own room; a wall display joins the
// organisation's display room (changes without personal data); a case room holds the people viewing the case.
export const staffRoom = (organisationId: string) => `org:${organisationId}:staff`;
export const displayRoom = (organisationId: string) => `org:${organisationId}:display`;
export const userRoom = (personId: string) => `user:${personId}`;
export const caseRoom = (caseId: string) => `case:${caseId}`;
