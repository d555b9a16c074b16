/** The server refuses shorter passwords; the forms say so before sending. */
export const MIN_PASSWORD_LENGTH = 8;
