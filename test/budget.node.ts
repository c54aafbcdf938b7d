// The node project's per-test budget (see jest.config.js).
jest.setTimeout(30000);
