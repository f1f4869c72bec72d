/** Version printed by `annotkit --version`; equals the package's `version` (a test checks it). */
export const CLI_VERSION = '0.1.0';
