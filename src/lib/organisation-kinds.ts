/** Kinds of organisation a side can be; shared by the forms (browser) and the repository (server). */
export const ORGANISATION_KINDS = ['municipality', 'association', 'parish', 'school', 'company', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
