import { configure } from "@testing-library/react";

// The jsdom project's per-test budget (see jest.config.js): rendering Fluent UI in jsdom is slow.
jest.setTimeout(60000);

// findBy*/waitFor poll until this long: generous for a busy 2-core machine, well under the budget
// above, so a slow run still fails with the query's own message. (Imported here, after the test
// framework is installed, so that Testing Library also registers its automatic cleanup.)
configure({ asyncUtilTimeout: 20000 });
