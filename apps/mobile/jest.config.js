// One zone for every run, so date formatting does not depend on the machine; tests that
// care about zones pass one explicitly.
process.env.TZ = 'UTC';

/** @type {import('jest').Config} */
module.exports = {
  preset: 'jest-expo',
  setupFiles: ['<rootDir>/jest.setup.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/dist-native/'],
};
