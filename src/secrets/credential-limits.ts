/** Longest credential name (the part after the platform's namePrefix). */
export const MAX_CREDENTIAL_NAME_LENGTH = 32;
/** Longest user name (PostgreSQL's identifier limit, NAMEDATALEN - 1). */
export const MAX_USERNAME_LENGTH = 63;
/** Longest description of a generated credential (Secrets Manager's limit). */
export const MAX_CREDENTIAL_DESCRIPTION_LENGTH = 2048;
