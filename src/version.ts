// kinesim's version, as in package.json (a test keeps the two equal): reported by /_kinesim/health and the console.

export const KINESIM_VERSION = '0.1.0';
